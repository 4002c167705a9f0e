//! A docs-site double on 127.0.0.1 for the fetching tests: each path is a behaviour
//! (redirects, gzip, ETag and 304, 500 then 200, 429 with `Retry-After`, slowness,
//! oversized, GBK, a PDF, a reset mid-body), and every request is counted. It never
//! talks to anything but the test's client, and stops when dropped.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// What the server knows: the pages it serves as they are now, and what it was asked.
#[derive(Default)]
pub struct State {
    /// Paths served as plain `200 text/html` pages (tests change them between runs).
    pub pages: HashMap<String, String>,
    /// Each request: path, `If-None-Match`, and when it arrived.
    pub requests: Vec<(String, Option<String>, Instant)>,
}

/// A running server.
pub struct PageServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Shared with the server thread.
    pub state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

impl PageServer {
    /// Starts on a free loopback port.
    pub fn start() -> PageServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, st) = (state.clone(), stop.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if st.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let s = s.clone();
                thread::spawn(move || serve(stream, &s));
            }
        });
        PageServer { base, state, stop }
    }

    /// `base` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// How many requests `path` got.
    pub fn hits(&self, path: &str) -> usize {
        let state = self.state.lock().unwrap();
        state.requests.iter().filter(|r| r.0 == path).count()
    }

    /// Serves `html` at `path`.
    pub fn set_page(&self, path: &str, html: &str) {
        let mut state = self.state.lock().unwrap();
        state.pages.insert(path.to_owned(), html.to_owned());
    }
}

impl Drop for PageServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

/// A small docs page holding `rows` (code, message, status) in an HTML table.
pub fn error_page(title: &str, rows: &[(&str, &str, u16)]) -> String {
    let mut html = format!(
        "<html><head><title>{title}</title></head><body><h1>{title}</h1>\n<table>\n<tr><th>Error code</th><th>Error message</th><th>HTTP status code</th></tr>\n"
    );
    for (code, message, status) in rows {
        html.push_str(&format!(
            "<tr><td>{code}</td><td>{message}</td><td>{status}</td></tr>\n"
        ));
    }
    html.push_str("</table></body></html>\n");
    html
}

fn serve(mut stream: TcpStream, state: &Mutex<State>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(value.trim().to_owned());
        }
    }
    let (count, page) = {
        let mut s = state.lock().unwrap();
        s.requests
            .push((path.clone(), if_none_match.clone(), Instant::now()));
        let count = s.requests.iter().filter(|r| r.0 == path).count();
        (count, s.pages.get(&path).cloned())
    };
    let sample = error_page(
        "NAT",
        &[("NoSuchNat", "The specified nat is not found.", 404)],
    );
    let _ = match (path.as_str(), page) {
        (_, Some(page)) => respond(
            &mut stream,
            200,
            &[("Content-Type", "text/html")],
            page.as_bytes(),
        ),
        (p, None) if p.starts_with("/redirect/") => {
            let n: u32 = p["/redirect/".len()..].parse().unwrap_or(0);
            let next = if n == 0 {
                "/sample".to_owned()
            } else {
                format!("/redirect/{}", n - 1)
            };
            respond(&mut stream, 302, &[("Location", &next)], b"")
        }
        ("/loop", None) => respond(&mut stream, 302, &[("Location", "/loop")], b""),
        ("/sample", None) => respond(
            &mut stream,
            200,
            &[("Content-Type", "text/html; charset=utf-8")],
            sample.as_bytes(),
        ),
        ("/gzip", None) => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(sample.as_bytes()).unwrap();
            let body = gz.finish().unwrap();
            respond(
                &mut stream,
                200,
                &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                &body,
            )
        }
        ("/etag", None) if if_none_match.as_deref() == Some("\"v1\"") => {
            respond(&mut stream, 304, &[("ETag", "\"v1\"")], b"")
        }
        ("/etag", None) => respond(
            &mut stream,
            200,
            &[("Content-Type", "text/html"), ("ETag", "\"v1\"")],
            sample.as_bytes(),
        ),
        ("/flaky", None) if count == 1 => respond(&mut stream, 500, &[], b"oops"),
        ("/flaky", None) => respond(
            &mut stream,
            200,
            &[("Content-Type", "text/html")],
            sample.as_bytes(),
        ),
        ("/throttled", None) if count == 1 => {
            respond(&mut stream, 429, &[("Retry-After", "1")], b"")
        }
        ("/throttled", None) => respond(
            &mut stream,
            200,
            &[("Content-Type", "text/html")],
            sample.as_bytes(),
        ),
        ("/slow", None) => {
            thread::sleep(Duration::from_secs(2));
            respond(
                &mut stream,
                200,
                &[("Content-Type", "text/html")],
                sample.as_bytes(),
            )
        }
        ("/big", None) => big(&mut stream),
        ("/gbk", None) => {
            let (body, _, _) = encoding_rs::GBK.encode(
                "<html><body><h1>错误码</h1><table><tr><th>错误码</th><th>错误信息</th><th>HTTP状态码</th></tr><tr><td>NoSuchNat</td><td>找不到指定的NAT网关</td><td>404</td></tr></table></body></html>",
            );
            respond(
                &mut stream,
                200,
                &[("Content-Type", "text/html; charset=GBK")],
                &body,
            )
        }
        ("/pdf", None) => respond(
            &mut stream,
            200,
            &[("Content-Type", "application/pdf")],
            b"%PDF-1.4",
        ),
        ("/reset", None) => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body>";
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.flush();
            let _ = stream.shutdown(Shutdown::Both);
            Ok(())
        }
        (_, None) => respond(
            &mut stream,
            404,
            &[("Content-Type", "text/html")],
            b"not here",
        ),
    };
    // Drain what the client still sends, so closing does not reset a good response.
    let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
    let _ = reader.read(&mut [0; 64]);
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

/// A 17 MiB page, streamed (over the 16 MiB limit).
fn big(stream: &mut TcpStream) -> std::io::Result<()> {
    let chunk = vec![b'a'; 1 << 20];
    let total = 17 << 20;
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {total}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes())?;
    for _ in 0..17 {
        stream.write_all(&chunk)?;
    }
    stream.flush()
}

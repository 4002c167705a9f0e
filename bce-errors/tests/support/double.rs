//! A BCE-compatible test double with fault injection: an HTTP/1.1 server on 127.0.0.1,
//! on the caller's tokio runtime, that answers each request as a script says —
//! documented error bodies per code and status, `Retry-After`, latency, resets, cut and
//! oversized bodies, errors inside HTTP 200.
//!
//! Used by the tests (`#[path = "support/double.rs"] mod double;`) and the examples.
//! It runs on the test's own runtime, so a paused clock (`start_paused = true`) covers
//! its latency and the client's backoff alike.
#![allow(dead_code)] // each test and example uses part of it

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bce_errors::{ErrorResponse, REQUEST_ID_HEADER, ServiceError};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// A documented BCE error body: the service is unavailable (503).
pub const UNAVAILABLE: &[u8] = br#"{"code":"ServiceUnavailable","message":"Please try again."}"#;
/// A documented BCE error body: throttled (429).
pub const TOO_MANY: &[u8] = br#"{"code":"RequestLimitExceeded","message":"Too many requests."}"#;
/// A successful NAT body.
pub const NAT: &str = r#"{"nat":{"id":"nat-1"}}"#;

/// A client for a test on a paused clock: no proxy (the double is on loopback) and no
/// idle-connection timer (a timer would let the paused clock jump ahead).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .pool_idle_timeout(None)
        .build()
        .expect("a client")
}

/// What the double answers one request with.
#[derive(Debug, Clone)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Body,
    latency: Duration,
    fault: Option<Fault>,
}

#[derive(Debug, Clone)]
enum Body {
    Bytes(Vec<u8>),
    /// A documented body, written with the request's id (`double-N`).
    Documented(ErrorResponse),
    /// An HTML page of this many bytes, written in pieces.
    Html(usize),
}

/// How a reply goes wrong on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// Half the body, then a TCP reset.
    ResetMidBody,
    /// Half the body, then the connection closes cleanly.
    Truncated,
}

impl Reply {
    /// 200 with a JSON body.
    pub fn ok(json: &str) -> Reply {
        Reply::status(200, json.as_bytes())
    }

    /// Any status and body.
    pub fn status(status: u16, body: &[u8]) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: Body::Bytes(body.to_vec()),
            latency: Duration::ZERO,
            fault: None,
        }
    }

    /// The documented answer for `kind`: its status (200 where the docs give none, as
    /// the AI platform answers) and its documented body.
    pub fn documented<K: ServiceError>(kind: K) -> Reply {
        let mut reply = Reply::status(kind.status().unwrap_or(200), b"");
        reply.body = Body::Documented(ErrorResponse::documented(kind, ""));
        reply
    }

    /// A proxy's HTML page of `len` bytes.
    pub fn html(status: u16, len: usize) -> Reply {
        let mut reply = Reply::status(status, b"");
        reply.headers = vec![("content-type".into(), "text/html".into())];
        reply.body = Body::Html(len);
        reply
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds `Retry-After`.
    pub fn retry_after(self, value: &str) -> Reply {
        self.header("retry-after", value)
    }

    /// Waits this long before answering.
    pub fn latency(mut self, latency: Duration) -> Reply {
        self.latency = latency;
        self
    }

    /// Sends half the body, then resets the connection.
    pub fn reset_mid_body(mut self) -> Reply {
        self.fault = Some(Fault::ResetMidBody);
        self
    }

    /// Sends half the body, then closes the connection.
    pub fn truncated(mut self) -> Reply {
        self.fault = Some(Fault::Truncated);
        self
    }
}

/// A request as the double saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Its number, from 0, in arrival order.
    pub number: usize,
    /// When it arrived, on tokio's clock (paused in the tests).
    pub at: Instant,
    /// `GET /v1/nat` …
    pub request_line: String,
    /// Its headers, names in lower case.
    pub headers: Vec<(String, String)>,
}

impl Hit {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

type Script = dyn Fn(&Hit) -> Reply + Send + Sync;

/// The server. Stops when dropped.
pub struct TestDouble {
    addr: SocketAddr,
    hits: Arc<Mutex<Vec<Hit>>>,
    task: JoinHandle<()>,
}

impl TestDouble {
    /// Serves every request with `script(hit)`.
    pub async fn start(script: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> TestDouble {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let addr = listener.local_addr().expect("the bound address");
        let hits = Arc::new(Mutex::new(Vec::new()));
        let shared = Server {
            script: Arc::new(script),
            hits: hits.clone(),
            count: Arc::new(AtomicUsize::new(0)),
        };
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                // Head and body go out in separate writes: no Nagle wait between them.
                let _ = stream.set_nodelay(true);
                tokio::spawn(shared.clone().serve(stream));
            }
        });
        TestDouble { addr, hits, task }
    }

    /// Serves `replies` in order, then the last one for ever.
    pub async fn sequence(replies: Vec<Reply>) -> TestDouble {
        assert!(!replies.is_empty(), "a sequence needs a reply");
        TestDouble::start(move |hit| replies[hit.number.min(replies.len() - 1)].clone()).await
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request so far, in arrival order.
    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().expect("hits").clone()
    }

    /// How many requests arrived.
    pub fn requests(&self) -> usize {
        self.hits.lock().expect("hits").len()
    }
}

impl Drop for TestDouble {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[derive(Clone)]
struct Server {
    script: Arc<Script>,
    hits: Arc<Mutex<Vec<Hit>>>,
    count: Arc<AtomicUsize>,
}

impl Server {
    /// Answers requests on one connection until the client closes it or a fault does.
    async fn serve(self, stream: TcpStream) {
        let mut stream = BufReader::new(stream);
        while let Some(hit) = self.read_request(&mut stream).await {
            let reply = (self.script)(&hit);
            self.hits.lock().expect("hits").push(hit.clone());
            tokio::time::sleep(reply.latency).await;
            let close = hit.header("connection") == Some("close");
            if write_reply(&mut stream, &reply, hit.number).await.is_err()
                || reply.fault.is_some()
                || close
            {
                return;
            }
        }
    }

    async fn read_request(&self, stream: &mut BufReader<TcpStream>) -> Option<Hit> {
        let mut request_line = String::new();
        stream
            .read_line(&mut request_line)
            .await
            .ok()
            .filter(|n| *n > 0)?;
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            stream.read_line(&mut line).await.ok().filter(|n| *n > 0)?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
        }
        let len = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse::<u64>().ok())
            .unwrap_or(0);
        let mut body = Vec::new();
        (&mut *stream).take(len).read_to_end(&mut body).await.ok()?;
        Some(Hit {
            number: self.count.fetch_add(1, Ordering::SeqCst),
            at: Instant::now(),
            request_line: request_line.trim_end().to_owned(),
            headers,
        })
    }
}

async fn write_reply(
    stream: &mut BufReader<TcpStream>,
    reply: &Reply,
    number: usize,
) -> std::io::Result<()> {
    let id = format!("double-{number}");
    let body = match &reply.body {
        Body::Bytes(bytes) => Some(bytes.clone()),
        Body::Documented(documented) => Some(with_id(documented, &id).into_bytes()),
        Body::Html(_) => None,
    };
    let len = match (&body, &reply.body) {
        (Some(bytes), _) => bytes.len(),
        (None, Body::Html(len)) => *len,
        (None, _) => 0,
    };
    let mut head = format!("HTTP/1.1 {} Double\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "{REQUEST_ID_HEADER}: {id}\r\ncontent-length: {len}\r\n\r\n"
    ));
    let out = stream.get_mut();
    out.write_all(head.as_bytes()).await?;
    let send = match reply.fault {
        Some(_) => len / 2,
        None => len,
    };
    match &body {
        Some(bytes) => out.write_all(&bytes[..send]).await?,
        None => write_html(out, send).await?,
    }
    out.flush().await?;
    if reply.fault == Some(Fault::ResetMidBody) {
        // Let the client read what was sent, then abort: RST, not FIN.
        tokio::time::sleep(Duration::from_millis(10)).await;
        out.set_zero_linger()?;
    }
    Ok(())
}

/// A documented body's JSON, carrying `id` where its format keeps ids.
fn with_id(documented: &ErrorResponse, id: &str) -> String {
    let mut body = documented.clone();
    for field in [&mut body.request_id, &mut body.log_id] {
        if field.is_some() {
            *field = Some(id.to_owned());
        }
    }
    body.to_json()
}

/// `len` bytes of an HTML page, in 64 KiB pieces.
async fn write_html(out: &mut TcpStream, len: usize) -> std::io::Result<()> {
    let piece = "<html><body><p>502 Bad Gateway</p></body></html>\n"
        .repeat(1400)
        .into_bytes();
    let mut left = len;
    while left > 0 {
        let n = left.min(piece.len());
        out.write_all(&piece[..n]).await?;
        left -= n;
    }
    Ok(())
}

/// A uniform draw in [0, 1) from a seed and a request's number: independent faults
/// that do not depend on the order requests arrive in.
pub fn draw(seed: u64, number: usize) -> f64 {
    let mut z = seed ^ (number as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

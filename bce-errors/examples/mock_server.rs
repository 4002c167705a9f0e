//! A BCE-compatible test double: a loopback HTTP server that answers each request with
//! a documented error (status, headers and body), and a client that reads them back.
//!
//! Run it with `cargo run --example mock_server`. It serves a fixed number of requests
//! on 127.0.0.1 and exits.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

use bce_errors::services::NatError;
use bce_errors::{BceError, ErrorResponse, REQUEST_ID_HEADER};

/// The raw HTTP response a BCE server sends for `kind`.
fn documented_response(kind: NatError, request_id: &str) -> String {
    let body = ErrorResponse::documented(kind, request_id).to_json();
    format!(
        "HTTP/1.1 {} Error\r\nContent-Type: application/json; charset=utf-8\r\n{REQUEST_ID_HEADER}: {request_id}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        kind.status().unwrap_or(200),
        body.len()
    )
}

/// Reads one response: status, request id header and body.
fn read_response(stream: TcpStream) -> (u16, Option<String>, Vec<u8>) {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).expect("status line");
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut request_id = None;
    loop {
        line.clear();
        reader.read_line(&mut line).expect("header line");
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case(REQUEST_ID_HEADER)
        {
            request_id = Some(value.trim().to_owned());
        }
    }
    let mut body = Vec::new();
    reader.read_to_end(&mut body).expect("body");
    (status, request_id, body)
}

fn main() {
    let script = [
        NatError::NoSuchNat,
        NatError::SpecInvalid,
        NatError::InternalError,
    ];
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("bound address");
    let server = std::thread::spawn(move || {
        for (n, kind) in script.iter().enumerate() {
            let (mut stream, _) = listener.accept().expect("a client");
            let mut request = [0u8; 1024];
            let _ = stream.read(&mut request);
            let response = documented_response(*kind, &format!("mock-{n}"));
            stream
                .write_all(response.as_bytes())
                .expect("response written");
        }
    });

    for _ in script {
        let mut stream = TcpStream::connect(addr).expect("connect to the mock");
        stream
            .write_all(b"GET /v1/nat HTTP/1.1\r\nHost: mock\r\n\r\n")
            .expect("request written");
        let (status, request_id, body) = read_response(stream);
        let err: BceError<NatError> = BceError::from_response(status, request_id.as_deref(), &body);
        println!("{err}  -> retry: {}", err.retry_class());
    }
    server.join().expect("the mock server ends");
}

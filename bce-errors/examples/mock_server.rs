//! A BCE-compatible test double: a loopback HTTP server that answers each request with
//! a documented error (status, headers and body) or a fault, and a client that reads
//! them back with nothing but a TCP socket.
//!
//! Run it with `cargo run --example mock_server`. The double itself
//! (`tests/support/double.rs`) also serves the call-path tests and the `reqwest_client`
//! example: documented errors per code, any status, `Retry-After`, latency, resets, cut
//! and oversized bodies, errors inside HTTP 200.

#[path = "../tests/support/double.rs"]
mod double;

use bce_errors::services::NatError;
use bce_errors::{BceError, REQUEST_ID_HEADER};
use double::{Reply, TestDouble};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends one request and reads the whole response: status, request id header, body.
async fn get(double: &TestDouble, path: &str) -> std::io::Result<(u16, Option<String>, Vec<u8>)> {
    let mut stream = TcpStream::connect(double.addr()).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    // The double closes the connection after a fault; read what arrived either way.
    let _ = stream.read_to_end(&mut response).await;
    let text = String::from_utf8_lossy(&response);
    let (head, _) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let request_id = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case(REQUEST_ID_HEADER)
            .then(|| value.trim().to_owned())
    });
    let body = response[(head.len() + 4).min(response.len())..].to_vec();
    Ok((status, request_id, body))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let double = TestDouble::sequence(vec![
        Reply::documented(NatError::NoSuchNat),
        Reply::documented(NatError::SpecInvalid),
        Reply::documented(NatError::InternalError).reset_mid_body(),
        Reply::html(502, 4096),
    ])
    .await;
    for _ in 0..4 {
        let (status, request_id, body) = get(&double, "/v1/nat").await?;
        let err: BceError<NatError> = BceError::from_response(status, request_id.as_deref(), &body);
        println!("{err}  -> retry: {}", err.retry_class());
    }
    Ok(())
}

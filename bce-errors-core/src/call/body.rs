//! Any `http::Response` whose body is an `http_body::Body` (hyper, tower, reqwest) to
//! a typed error, the body read as a stream and bounded.

use std::error::Error;
use std::future::poll_fn;
use std::pin::pin;

use bytes::{Buf, Bytes};
use http_body::Body;

use super::{CallError, TransportError, TransportKind, retry_after};
use crate::{BceError, PARSE_LIMIT, ServiceError};

/// A body as far as it was read: its bytes (at most `limit + 1`), and the error that
/// cut it, if one did.
struct Received<E> {
    bytes: Bytes,
    cut: Option<E>,
}

/// Reads `body` frame by frame until it ends, fails, or holds more than `limit` bytes;
/// keeps at most `limit + 1`. A body that arrives in one frame is not copied.
async fn receive<B: Body>(body: B, limit: usize) -> Received<B::Error> {
    let mut body = pin!(body);
    // What the body announces (its Content-Length, which the server chose: trusted up to
    // the parse limit), so that joining frames allocates once and a 1 MiB prefix never
    // grows to a 2 MiB buffer.
    let announced = usize::try_from(body.size_hint().lower()).unwrap_or(usize::MAX);
    let reserve = announced.min(limit.saturating_add(1)).min(PARSE_LIMIT + 1);
    let mut first: Option<Bytes> = None;
    let mut rest: Vec<u8> = Vec::new();
    let cut = loop {
        let held = first.as_ref().map_or(0, Bytes::len) + rest.len();
        if held > limit {
            break None;
        }
        let frame = match poll_fn(|cx| body.as_mut().poll_frame(cx)).await {
            None => break None,
            Some(Err(error)) => break Some(error),
            Some(Ok(frame)) => frame,
        };
        let Ok(mut data) = frame.into_data() else {
            continue; // trailers
        };
        let chunk = data.copy_to_bytes(data.remaining().min(limit + 1 - held));
        match (first.take(), rest.is_empty()) {
            (None, true) => first = Some(chunk),
            (head, _) => {
                if rest.is_empty() {
                    rest.reserve(reserve);
                }
                rest.extend_from_slice(head.as_deref().unwrap_or_default());
                rest.extend_from_slice(&chunk);
            }
        }
    };
    let bytes = match (first, rest.is_empty()) {
        (first, true) => first.unwrap_or_default(),
        (_, false) => Bytes::from(rest),
    };
    Received { bytes, cut }
}

impl<K: ServiceError> BceError<K> {
    /// Builds the error from an `http::Response` with a streaming body (hyper's
    /// `Incoming`, any `http_body::Body`). Never fails, like
    /// [`from_response`](Self::from_response): the body is read until it ends or holds
    /// more than [`PARSE_LIMIT`] bytes (a 5 MB proxy page is never in memory whole);
    /// a body cut by the transport gives an unparsed error, like any cut body.
    ///
    /// ```
    /// # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
    /// use bce_errors::{BceError, services::NatError};
    ///
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let body = r#"{"code":"NoSuchNat","message":"The specified nat is not found."}"#;
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("x-bce-request-id", "r-1")
    ///     .body(String::from(body)) // hyper's `Incoming`, any `http_body::Body`
    ///     .unwrap();
    /// let err = BceError::<NatError>::from_http_body(response).await;
    /// assert_eq!((err.kind(), err.request_id()), (Some(NatError::NoSuchNat), Some("r-1")));
    /// # }
    /// ```
    pub async fn from_http_body<B: Body>(response: http::Response<B>) -> Self {
        let (parts, body) = response.into_parts();
        let received = receive(body, PARSE_LIMIT).await;
        Self::from_response(parts.status.as_u16(), &parts.headers, &received.bytes)
    }

    /// The body of a successful response, or the call's error — a body-aware
    /// `error_for_status`: any status but 2xx, and an error inside a 2xx body (the AI
    /// platform's `error_code`), is [`CallError::Service`] with the response's
    /// `Retry-After`; a body the transport cut is [`CallError::Transport`].
    ///
    /// An error body is read up to [`PARSE_LIMIT`] bytes, as by
    /// [`from_http_body`](Self::from_http_body); a successful body is read whole, as
    /// the caller asked for it.
    pub async fn check_http_body<B>(response: http::Response<B>) -> Result<Bytes, CallError<K>>
    where
        B: Body,
        B::Error: Into<Box<dyn Error + Send + Sync>>,
    {
        let (parts, body) = response.into_parts();
        let status = parts.status.as_u16();
        let service = |error| CallError::Service {
            error,
            retry_after: retry_after::from_headers(&parts.headers),
        };
        if !parts.status.is_success() {
            let received = receive(body, PARSE_LIMIT).await;
            return Err(service(Self::from_response(
                status,
                &parts.headers,
                &received.bytes,
            )));
        }
        let received = receive(body, usize::MAX - 1).await;
        if let Some(cut) = received.cut {
            let kind = TransportKind::Interrupted;
            return Err(CallError::Transport(TransportError::classify(cut, kind)));
        }
        match Self::check(status, &parts.headers, &received.bytes) {
            Ok(()) => Ok(received.bytes),
            Err(error) => Err(service(error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    /// A body of scripted frames: data, or an error. It announces an absurd length, as
    /// a hostile `Content-Length` would.
    struct Frames(VecDeque<Result<&'static [u8], std::io::ErrorKind>>);

    impl Body for Frames {
        fn size_hint(&self) -> http_body::SizeHint {
            http_body::SizeHint::with_exact(u64::MAX)
        }

        type Data = Bytes;
        type Error = std::io::Error;
        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
            Poll::Ready(self.0.pop_front().map(|frame| match frame {
                Ok(data) => Ok(http_body::Frame::data(Bytes::from_static(data))),
                Err(kind) => Err(kind.into()),
            }))
        }
    }

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        let mut future = pin!(future);
        let waker = std::task::Waker::noop();
        loop {
            if let Poll::Ready(out) = future.as_mut().poll(&mut Context::from_waker(waker)) {
                return out;
            }
        }
    }

    fn received(
        frames: &[Result<&'static [u8], std::io::ErrorKind>],
        limit: usize,
    ) -> (Vec<u8>, bool) {
        let got = block_on(receive(Frames(frames.iter().copied().collect()), limit));
        (got.bytes.to_vec(), got.cut.is_some())
    }

    #[test]
    fn frames_are_joined_and_cut_after_the_limit() {
        assert_eq!(
            received(&[Ok(b"ab"), Ok(b"cd")], 10),
            (b"abcd".to_vec(), false)
        );
        assert_eq!(
            received(&[Ok(b"ab"), Ok(b"cdef"), Ok(b"gh")], 3),
            (b"abcd".to_vec(), false)
        );
        assert_eq!(received(&[Ok(b"abcdef")], 3), (b"abcd".to_vec(), false));
        assert_eq!(received(&[], 3), (Vec::new(), false));
        let pieces = [Ok(&b"ab"[..]), Ok(b"cd"), Ok(b"ef"), Ok(b"gh"), Ok(b"ij")];
        assert_eq!(received(&pieces, 7), (b"abcdefgh".to_vec(), false));
        // A successful body is read whole; the announced length is not trusted.
        assert_eq!(
            received(&pieces, usize::MAX - 1),
            (b"abcdefghij".to_vec(), false)
        );
    }

    #[test]
    fn an_error_keeps_what_came_before() {
        use std::io::ErrorKind::ConnectionReset;
        assert_eq!(
            received(&[Ok(b"{\"co"), Err(ConnectionReset)], 10),
            (b"{\"co".to_vec(), true)
        );
    }
}

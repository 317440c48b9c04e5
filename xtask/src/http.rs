//! A minimal HTTP/1.1 client over std's TcpStream, for timing and probing the sandbox on loopback.
//!
//! One request per connection (`Connection: close`), the body read to the end of the stream,
//! so neither chunked decoding nor keep-alive bookkeeping is needed.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crate::util::{bail, Result};

/// How long one request may take before it counts as failed.
const TIMEOUT: Duration = Duration::from_secs(10);

/// A response: status code and body (headers are not kept).
pub struct Response {
    /// The HTTP status code.
    pub status: u16,
    /// The body as text.
    pub body: String,
}

/// Sends `method path` to `addr` with the given extra headers and an empty body.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> Result<Response> {
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n\
         Content-Length: 0\r\nConnection: close\r\n"
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    send(addr, head.as_bytes()).map_err(|error| format!("{method} {path}: {error}").into())
}

/// Writes `raw`, a whole HTTP/1.1 request that asks for `Connection: close`, to `addr` and reads
/// the response to the end of the stream (what arrived, if the stream then breaks).
pub fn send(addr: SocketAddr, raw: &[u8]) -> Result<Response> {
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    // A server may answer and close before reading a whole (e.g. too large) body: then writing
    // fails, but the answer is there to read.
    let written = stream.write_all(raw);
    let mut response = Vec::new();
    let read = stream.read_to_end(&mut response);
    let Some(split) = response.windows(4).position(|w| w == b"\r\n\r\n") else {
        written?;
        read?;
        bail!(
            "no response (the connection closed after {} bytes)",
            response.len()
        );
    };
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let body = &response[split + 4..];
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or("no status line")?;
    let body = if head.contains("transfer-encoding: chunked") {
        dechunk(body)
    } else {
        body.to_vec()
    };
    Ok(Response {
        status,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// Joins the chunks of a chunked body (servers may chunk even with `Connection: close`).
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
        let size_line = String::from_utf8_lossy(&rest[..eol]);
        let size = usize::from_str_radix(size_line.split(';').next().unwrap_or("").trim(), 16);
        let after = &rest[eol + 2..];
        match size {
            Ok(size) if size > 0 && after.len() >= size => {
                body.extend_from_slice(&after[..size]);
                rest = after[size..]
                    .strip_prefix(b"\r\n")
                    .unwrap_or(&after[size..]);
            }
            _ => break,
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::dechunk;

    #[test]
    fn joins_chunks() {
        assert_eq!(dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"), b"abcde");
    }
}

//! A bounded, closed-loop load generator on std threads: `connections` keep-alive HTTP/1.1
//! connections to a loopback address, each sending the same GET back to back until the time is
//! up (or a request cap is reached), every response checked for 200 and timed.
//!
//! One thread per connection keeps it simple and needs no async runtime in xtask; 32 threads
//! waiting on sockets cost nothing next to the server's work.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use crate::util::{bail, Result};

/// The most requests one connection sends, whatever the time limit.
const MAX_REQUESTS_PER_CONNECTION: usize = 100_000;
/// How long one response may take before the run fails.
const TIMEOUT: Duration = Duration::from_secs(10);

/// What a load run measured.
pub struct Load {
    /// Responses received (all 200).
    pub requests: usize,
    /// From the start signal to the last connection's last response.
    pub elapsed: Duration,
    /// Every response time, sorted.
    pub times: Vec<Duration>,
}

impl Load {
    /// Responses per second.
    pub fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Sends `GET path` with `headers` over `connections` connections for `duration`.
pub fn run(
    addr: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    connections: usize,
    duration: Duration,
) -> Result<Load> {
    let mut request =
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    let request: Arc<[u8]> = request.into_bytes().into();
    let start = Arc::new(Barrier::new(connections + 1));
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (request, start) = (Arc::clone(&request), Arc::clone(&start));
            thread::spawn(move || {
                connection(addr, &request, &start, duration).map_err(|e| e.to_string())
            })
        })
        .collect();
    start.wait();
    let started = Instant::now();
    let mut times = Vec::new();
    for worker in workers {
        match worker.join() {
            Ok(result) => times.extend(result.map_err(|e| format!("GET {path}: {e}"))?),
            Err(_) => bail!("a load connection panicked"),
        }
    }
    let elapsed = started.elapsed();
    times.sort();
    Ok(Load {
        requests: times.len(),
        elapsed,
        times,
    })
}

/// One connection's loop: waits for the start signal, then requests until `duration` is over.
fn connection(
    addr: SocketAddr,
    request: &[u8],
    start: &Barrier,
    duration: Duration,
) -> Result<Vec<Duration>> {
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT);
    // Every connection passes the barrier, even one that failed to connect.
    start.wait();
    let mut stream = stream?;
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    let deadline = Instant::now() + duration;
    let mut times = Vec::new();
    let mut buf = Vec::with_capacity(64 * 1024);
    while Instant::now() < deadline && times.len() < MAX_REQUESTS_PER_CONNECTION {
        let sent = Instant::now();
        stream.write_all(request)?;
        let status = read_response(&mut stream, &mut buf)?;
        times.push(sent.elapsed());
        if status != 200 {
            bail!(
                "answered {status}: {}",
                String::from_utf8_lossy(&buf)
                    .chars()
                    .take(300)
                    .collect::<String>()
            );
        }
    }
    Ok(times)
}

/// Reads one whole response (sized by `Content-Length`, or chunked) into `buf`; its status.
fn read_response(stream: &mut impl Read, buf: &mut Vec<u8>) -> Result<u16> {
    buf.clear();
    let mut chunk = [0u8; 16 * 1024];
    let mut more = |buf: &mut Vec<u8>| -> Result {
        match stream.read(&mut chunk)? {
            0 => bail!("the connection closed mid-response"),
            n => {
                buf.extend_from_slice(&chunk[..n]);
                Ok(())
            }
        }
    };
    let body_at = loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        more(buf)?;
    };
    let head = String::from_utf8_lossy(&buf[..body_at]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or("no status line")?;
    let length = head.lines().find_map(|line| {
        line.strip_prefix("content-length:")
            .and_then(|n| n.trim().parse::<usize>().ok())
    });
    match length {
        Some(length) => {
            while buf.len() < body_at + length {
                more(buf)?;
            }
        }
        None if head.contains("transfer-encoding: chunked") => {
            while !buf.ends_with(b"\r\n0\r\n\r\n") && buf[body_at..] != *b"0\r\n\r\n" {
                more(buf)?;
            }
        }
        None => bail!("a response with neither Content-Length nor chunked encoding"),
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out at most 7 bytes a read, as a socket may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(out.len()).min(7);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn reads_sized_and_chunked_responses_whole() {
        let mut buf = Vec::new();
        let sized = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello";
        assert_eq!(read_response(&mut Trickle(sized), &mut buf).unwrap(), 200);
        assert!(buf.ends_with(b"\r\n\r\nhello"));
        let chunked =
            b"HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        assert_eq!(read_response(&mut Trickle(chunked), &mut buf).unwrap(), 404);
        let cut = b"HTTP/1.1 200 OK\r\ncontent-length: 9\r\n\r\nhello";
        assert!(read_response(&mut Trickle(cut), &mut buf).is_err());
    }
}

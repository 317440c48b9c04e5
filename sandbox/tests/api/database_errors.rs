//! A database error answers 500 (OBP-50000, or the Enterprise API's `internal_error`) and is
//! logged to stderr even with `--quiet`, never with a token. Runs the real binary on a database
//! file whose rows were damaged behind its back.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};

use crate::common::*;
use sandbox::{AppState, Db, Options};

/// The sandbox binary serving `db` quietly on a free port, and the address it printed.
fn start(db: &std::path::Path) -> (Child, SocketAddr) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sandbox"))
        .args(["--quiet", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts the sandbox");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut printed = Vec::new();
    let mut byte = [0u8; 1];
    while !printed.ends_with(b"/\n") {
        assert_eq!(
            stdout.read(&mut byte).expect("reads stdout"),
            1,
            "stdout ended"
        );
        printed.push(byte[0]);
    }
    let line = String::from_utf8(printed).expect("UTF-8");
    let addr = line
        .trim_end()
        .trim_end_matches('/')
        .rsplit("http://")
        .next()
        .and_then(|addr| addr.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line}"));
    // The rest of stdout is read when the test ends; it is small enough for the pipe.
    child.stdout = Some(stdout);
    (child, addr)
}

/// One request, `Connection: close`; the raw response.
fn exchange(addr: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.write_all(request.as_bytes()).expect("writes");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("reads");
    response
}

/// The body of a response.
fn body(response: &str) -> &str {
    response.split_once("\r\n\r\n").map_or("", |(_, body)| body)
}

#[test]
fn database_errors_are_500_and_logged_even_when_quiet() {
    let db = scratch_path("damaged.db");
    AppState::open(&Options {
        db: Db::File(db.clone()),
        ..memory_options()
    })
    .expect("creates and seeds the database");
    let connection = rusqlite::Connection::open(&db).expect("opens the file");
    connection
        .execute(
            "UPDATE customers SET date_of_birth = 'not a date' WHERE customer_number = '100001'",
            [],
        )
        .expect("damages a customer");
    connection
        .execute(
            "UPDATE enterprise_customers SET premise = 'not a number' WHERE profile_id = 'demo-profile'",
            [],
        )
        .expect("damages the Enterprise customers");
    drop(connection);
    let (mut child, addr) = start(&db);

    let login = exchange(
        addr,
        "POST /my/logins/direct HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\
         DirectLogin: username=staff, password=staff-password-1, consumer_key=sandbox-consumer-key\r\n\r\n",
    );
    let token: serde_json::Value = serde_json::from_str(body(&login)).expect("a token");
    let token = token["token"].as_str().expect("a token").to_owned();
    let by_number = exchange(
        addr,
        &format!(
            "POST /obp/v5.1.0/banks/gh.29.uk/customers/customer-number HTTP/1.1\r\nHost: x\r\n\
             Connection: close\r\nContent-Type: application/json\r\nContent-Length: 28\r\n\
             DirectLogin: token={token}\r\n\r\n{{\"customer_number\":\"100001\"}}"
        ),
    );
    assert!(by_number.starts_with("HTTP/1.1 500 "), "{by_number}");
    assert_eq!(
        body(&by_number),
        r#"{"code":500,"message":"OBP-50000: Unknown Error."}"#
    );
    let enterprise = exchange(
        addr,
        "GET /v1/profiles/demo-profile/customers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Authorization: Bearer demo-enterprise-token\r\n\r\n",
    );
    assert!(enterprise.starts_with("HTTP/1.1 500 "), "{enterprise}");
    assert!(body(&enterprise).contains(r#""error":"internal_error""#));
    let healthy = exchange(
        addr,
        "GET /obp/v5.1.0/banks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(healthy.starts_with("HTTP/1.1 200 "), "{healthy}");

    child.kill().expect("stops the sandbox");
    let output = child.wait_with_output().expect("the sandbox's output");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 2, "one line per failed request: {stderr}");
    assert!(
        errors[0].starts_with("sandbox: database error, answered 500: ")
            && errors[0].contains("not a date"),
        "{stderr}"
    );
    assert!(
        errors[1].starts_with("sandbox: database error, answered 500: "),
        "{stderr}"
    );
    assert!(!stderr.contains(&token), "no token in the log: {stderr}");
    assert!(
        !stdout.contains("GET /") && !stdout.contains("POST /"),
        "--quiet logs no requests: {stdout}"
    );
    std::fs::remove_file(db).expect("removes the database");
}

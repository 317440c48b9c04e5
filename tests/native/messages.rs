//! Native tests of customer messages: the documented examples decode through the real calls and
//! a message is sent with OBP's verb, path and body fields.

use customer_console::{
    api::{
        messages::{self, NewMessage},
        Method,
    },
    forms::message,
};

use crate::support::calls::{assert_sent, body_keys, run};

const B: &str = "gh.29.uk";
const C: &str = "7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh";

#[test]
fn messages_decode_and_send() {
    let (list, request) = run(
        200,
        fixture!("get-customer-messages-for-a-customer"),
        |api| async move { messages::list(&api, B, C).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers/{C}/messages"),
    );
    assert_eq!(
        (list[0].transport.as_str(), list[0].from_person.as_str()),
        ("SMS", "Tom")
    );

    let ((), request) = run(201, fixture!("create-customer-message"), |api| async move {
        messages::send(&api, B, C, &NewMessage::default()).await
    });
    assert_sent(
        &request,
        Method::Post,
        &format!("/banks/{B}/customers/{C}/messages"),
    );
    assert_eq!(
        body_keys(&request),
        ["from_department", "from_person", "message", "transport"]
    );

    assert!(
        message::build(&message::new_values("staff")).is_err(),
        "the text is required"
    );
    let mut form = message::new_values("staff");
    form.set("message", "Your card is ready.".into());
    form.set("from_department", "Cards".into());
    let body = message::build(&form).unwrap();
    assert_eq!(
        (body.transport.as_str(), body.from_person.as_str()),
        ("SMS", "staff")
    );
}

//! Native tests of the toasts' wording: what changed and on whom, in the order English needs.

use customer_console::components::Change;

#[test]
fn a_toast_names_what_changed_and_on_whom() {
    let zoe = "Zoë Müller";
    for (change, what, told) in [
        (Change::Updated, "Email", "Email of Zoë Müller updated"),
        (Change::Added, "Address", "Address added to Zoë Müller"),
        (
            Change::Deleted,
            "Attribute TIER",
            "Attribute TIER deleted from Zoë Müller",
        ),
        (Change::Linked, "Account", "Account linked to Zoë Müller"),
        (
            Change::Unlinked,
            "User u1",
            "User u1 unlinked from Zoë Müller",
        ),
        (Change::Sent, "Message", "Message sent to Zoë Müller"),
        (
            Change::Recorded,
            "KYC status",
            "KYC status recorded for Zoë Müller",
        ),
        (
            Change::Restored,
            "Address",
            "Address restored to Zoë Müller",
        ),
    ] {
        assert_eq!(change.told(what, zoe), told);
    }
}

#[test]
fn a_toast_without_a_name_or_without_a_part_still_reads() {
    assert_eq!(
        Change::Added.told("Meeting onboarding", ""),
        "Meeting onboarding added"
    );
    assert_eq!(
        Change::Updated.told("", "Bakkerij de Vries BV"),
        "Bakkerij de Vries BV updated"
    );
}

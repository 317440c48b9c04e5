//! What lists show and export: personal data masking, the CSV writer (RFC 4180 quoting, BOM,
//! formula neutralising, file name), each column's cell text, and the list shortcuts' keys.

use customer_console::{
    backend::{Column, CustomerRecord},
    components::Shortcut,
    csv_text, mask,
    pages::customers::export::export_rows,
};

#[test]
fn emails_keep_their_first_character_and_domain() {
    assert_eq!(mask::email("zoe.mueller@example.com"), "z•••@example.com");
    assert_eq!(mask::email("Łukasz@bank.pl"), "Ł•••@bank.pl");
    assert_eq!(mask::email("no-at-sign"), "n•••");
    assert_eq!(mask::email(""), "");
}

#[test]
fn phones_keep_the_country_code_separators_and_last_four_digits() {
    assert_eq!(mask::phone("+44 7700 900001"), "+44 •••• ••0001");
    assert_eq!(mask::phone("+31 20 555 0101"), "+31 •• ••• 0101");
    assert_eq!(mask::phone("07700900001"), "•••••••0001");
    assert_eq!(mask::phone("+447700900001"), "+••••••••0001");
    assert_eq!(mask::phone("12345"), "•••••", "too short to show any digit");
    assert_eq!(mask::phone(""), "");
}

#[test]
fn dates_of_birth_keep_the_century_only() {
    assert_eq!(mask::date_of_birth("1990-04-21"), "19••-••-••");
    assert_eq!(
        mask::date_of_birth("\u{2014}"),
        "\u{2014}",
        "no date stays a dash"
    );
}

#[test]
fn csv_quotes_as_rfc_4180_with_crlf_and_a_bom() {
    let text = csv_text::write([
        vec!["Name", "Note"],
        vec!["Zoë Müller", "said \"hi\", then left"],
        vec!["Line\nbreak", ""],
    ]);
    assert_eq!(
        text,
        "\u{feff}Name,Note\r\nZoë Müller,\"said \"\"hi\"\", then left\"\r\n\"Line\nbreak\",\r\n"
    );
    assert!(
        text.as_bytes().starts_with(&[0xef, 0xbb, 0xbf]),
        "UTF-8 BOM"
    );
}

#[test]
fn cells_a_spreadsheet_would_run_are_neutralised() {
    for risky in ["=1+1", "+44 7700", "-2", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(
            csv_text::neutralised(risky),
            format!("'{risky}"),
            "{risky:?}"
        );
    }
    for safe in ["Zoë", "44", "a=b", "\u{2014}", ""] {
        assert_eq!(csv_text::neutralised(safe), safe, "{safe:?}");
    }
    assert_eq!(
        csv_text::write([["=HYPERLINK(\"x\")"]]),
        "\u{feff}\"'=HYPERLINK(\"\"x\"\")\"\r\n"
    );
}

#[test]
fn the_file_name_carries_the_bank_and_the_day() {
    assert_eq!(
        csv_text::file_name("customers", "gh.29.uk", "2026-11-29"),
        "customers-gh.29.uk-2026-11-29.csv"
    );
    assert_eq!(
        csv_text::file_name("customers", "a/b c", "2026-11-29"),
        "customers-a_b_c-2026-11-29.csv"
    );
}

fn zoe() -> CustomerRecord {
    CustomerRecord {
        id: "c1".into(),
        number: "100001".into(),
        name: "Zoë Müller".into(),
        email: "zoe@example.com".into(),
        phone: "+44 7700 900001".into(),
        date_of_birth: "1990-04-21T00:00:00Z".into(),
        kyc: Some(true),
        ..CustomerRecord::default()
    }
}

#[test]
fn columns_show_personal_data_masked_until_revealed() {
    let zoe = zoe();
    let masked: Vec<String> = [Column::Email, Column::Phone, Column::DateOfBirth]
        .into_iter()
        .map(|c| c.text(&zoe, false))
        .collect();
    assert_eq!(
        masked,
        ["z•••@example.com", "+44 •••• ••0001", "19••-••-••"]
    );
    assert_eq!(Column::Email.text(&zoe, true), "zoe@example.com");
    assert_eq!(Column::DateOfBirth.text(&zoe, true), "1990-04-21");
    assert_eq!(Column::Kyc.text(&zoe, false), "KYC OK");
    assert_eq!(Column::Name.text(&zoe, false), "Zoë Müller");
    assert!(Column::ALL
        .iter()
        .all(|c| Column::from_key(c.key()) == Some(*c)));
    assert!(!Column::Name.hideable());
}

#[test]
fn an_export_is_the_headings_and_the_cells_as_the_list_shows_them() {
    let columns = [
        (Column::Name, "Legal name"),
        (Column::Phone, "Mobile phone"),
        (Column::Kyc, "KYC"),
    ];
    let rows = export_rows(&columns, &[zoe()], false);
    assert_eq!(
        rows,
        [
            vec!["Legal name", "Mobile phone", "KYC"],
            vec!["Zoë Müller", "+44 •••• ••0001", "KYC OK"],
        ]
    );
    assert_eq!(
        csv_text::write(rows),
        "\u{feff}Legal name,Mobile phone,KYC\r\nZoë Müller,'+44 •••• ••0001,KYC OK\r\n"
    );
}

#[test]
fn shortcut_keys_need_no_modifier_but_shift() {
    let plain = |key| Shortcut::of_key(key, false, false, false);
    assert_eq!(plain("/"), Some(Shortcut::Search));
    assert_eq!(plain("j"), Some(Shortcut::Next));
    assert_eq!(plain("ArrowDown"), Some(Shortcut::Next));
    assert_eq!(plain("k"), Some(Shortcut::Previous));
    assert_eq!(plain("ArrowUp"), Some(Shortcut::Previous));
    assert_eq!(plain("Enter"), Some(Shortcut::Open));
    assert_eq!(plain("n"), Some(Shortcut::New));
    assert_eq!(plain("?"), Some(Shortcut::Help));
    assert_eq!(plain("x"), None);
    assert_eq!(plain("J"), None);
    assert_eq!(Shortcut::of_key("j", true, false, false), None, "Ctrl");
    assert_eq!(Shortcut::of_key("n", false, true, false), None, "Alt");
    assert_eq!(Shortcut::of_key("k", false, false, true), None, "Meta");
}

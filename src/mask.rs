//! Masking of personal data in lists: an email, a phone number or a date of birth shown with
//! most of it hidden (`z•••@example.com`, `+44 •••• ••0001`, `19••-••-••`). Pure text functions.

/// The character that stands for a hidden one.
const HIDDEN: char = '\u{2022}';

/// How many trailing digits a masked phone number keeps.
const PHONE_KEPT_DIGITS: usize = 4;

/// Fewer digits than this and a phone number shows none of them.
const PHONE_MIN_DIGITS_TO_KEEP: usize = 7;

/// `zoe@example.com` as `z•••@example.com`: the first character of the local part and the
/// domain. Without an `@`, the first character only. Empty stays empty.
pub fn email(value: &str) -> String {
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let domain = value.find('@').map_or("", |at| &value[at..]);
    format!("{first}{HIDDEN}{HIDDEN}{HIDDEN}{domain}")
}

/// `+44 7700 900001` as `+44 •••• ••0001`: the country code (a leading `+` and its digits),
/// the separators and the last four digits; every other digit hidden. Numbers too short to keep
/// digits hidden show none.
pub fn phone(value: &str) -> String {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    // The byte length of `+44`, where the number starts with a code and a separator.
    let country_code = value.strip_prefix('+').map_or(0, |rest| {
        rest.find(|c: char| !c.is_ascii_digit())
            .map_or(0, |end| end + 1)
    });
    let shown_tail = if digits >= PHONE_MIN_DIGITS_TO_KEEP {
        PHONE_KEPT_DIGITS
    } else {
        0
    };
    let mut digit_index = 0;
    value
        .char_indices()
        .map(|(at, c)| {
            if !c.is_ascii_digit() {
                return c;
            }
            digit_index += 1;
            let in_tail = digit_index > digits - shown_tail;
            if at < country_code || in_tail {
                c
            } else {
                HIDDEN
            }
        })
        .collect()
}

/// `1990-04-21` as `19••-••-••`: the century and the separators; every other digit hidden.
/// Text without digits (the "—" of no date) stays as it is.
pub fn date_of_birth(value: &str) -> String {
    value
        .chars()
        .enumerate()
        .map(|(index, c)| {
            if index >= 2 && c.is_ascii_digit() {
                HIDDEN
            } else {
                c
            }
        })
        .collect()
}

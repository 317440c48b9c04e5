//! Client-side checks for user input. Each returns a message a bank clerk can act on.

/// Result of one check: `Err` carries the message shown under the field.
pub type Check = Result<(), String>;

/// A non-blank value.
pub fn required(value: &str) -> Check {
    if value.trim().is_empty() {
        Err("This field is required.".to_owned())
    } else {
        Ok(())
    }
}

/// `local@domain.tld`, no spaces.
pub fn email(value: &str) -> Check {
    let value = value.trim();
    let valid = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
    }) && !value.chars().any(char::is_whitespace);
    if valid {
        Ok(())
    } else {
        Err("Enter an email address like name@example.com.".to_owned())
    }
}

/// An international phone number: optional `+`, 7 to 15 digits, spaces, dashes, dots or
/// parentheses between them (E.164 once the separators are removed).
pub fn phone(value: &str) -> Check {
    let value = value.trim();
    let body = value.strip_prefix('+').unwrap_or(value);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let allowed = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'));
    if allowed && (7..=15).contains(&digits) {
        Ok(())
    } else {
        Err("Enter a phone number with country code, like +44 7700 900123.".to_owned())
    }
}

/// A calendar date written `yyyy-MM-dd`, from year 1900 to 2999.
pub fn date(value: &str) -> Check {
    if parse_date(value.trim()).is_some() {
        Ok(())
    } else {
        Err("Enter a date as yyyy-MM-dd, for example 1984-07-21.".to_owned())
    }
}

/// `(year, month, day)` of a valid `yyyy-MM-dd` date.
pub fn parse_date(value: &str) -> Option<(u32, u32, u32)> {
    let bytes = value.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = value.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..3000).contains(&year) && (1..=days).contains(&day)).then_some((year, month, day))
}

/// A time of day written `HH:mm` or `HH:mm:ss` (24-hour clock).
pub fn time(value: &str) -> Check {
    if parse_time(value.trim()).is_some() {
        Ok(())
    } else {
        Err("Enter a time as HH:mm, for example 14:30.".to_owned())
    }
}

/// `(hours, minutes, seconds)` of a valid `HH:mm` or `HH:mm:ss` time.
pub fn parse_time(value: &str) -> Option<(u32, u32, u32)> {
    let mut parts = value.split(':');
    let mut next = |max: u32| -> Option<u32> {
        let part = parts.next()?;
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())?
            .filter(|n| *n <= max)
    };
    let (hours, minutes) = (next(23)?, next(59)?);
    let seconds = match value.len() {
        5 => 0,
        8 => next(59)?,
        _ => return None,
    };
    Some((hours, minutes, seconds))
}

/// A URL-friendly word such as `onboarding` or `video-call`: letters, digits, `-` and `_`.
pub fn url_word(value: &str) -> Check {
    let value = value.trim();
    if !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        Ok(())
    } else {
        Err("Use letters, digits, - and _ only, without spaces (e.g. onboarding).".to_owned())
    }
}

/// A comma-separated list of `yyyy-MM-dd` dates (may be empty).
pub fn date_list(value: &str) -> Check {
    split_list(value).try_for_each(|d| {
        date(d).map_err(|_| {
            format!("\u{201c}{d}\u{201d} is not a date: use yyyy-MM-dd, separated by commas.")
        })
    })
}

/// The non-blank, trimmed items of a comma-separated list.
pub fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// A whole number of at least 0.
pub fn whole_number(value: &str) -> Check {
    match value.trim().parse::<u32>() {
        Ok(_) => Ok(()),
        Err(_) => Err("Enter a whole number, 0 or more.".to_owned()),
    }
}

/// An ISO 4217 currency code: three capital letters.
pub fn currency(value: &str) -> Check {
    let value = value.trim();
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err("Enter a three-letter currency code such as EUR or GBP.".to_owned())
    }
}

/// A non-negative decimal amount such as `2500` or `1999.95`.
pub fn amount(value: &str) -> Check {
    let value = value.trim();
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !whole.is_empty() && digits(whole) && digits(fraction) && fraction.len() <= 4 {
        Ok(())
    } else {
        Err("Enter an amount like 2500 or 1999.95.".to_owned())
    }
}

/// A customer number: OBP rejects the sequence `::::`.
pub fn customer_number(value: &str) -> Check {
    if value.contains("::::") {
        Err("A customer number may not contain \"::::\".".to_owned())
    } else {
        Ok(())
    }
}

/// An `http://` or `https://` URL.
pub fn web_url(value: &str) -> Check {
    let value = value.trim();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !value.chars().any(char::is_whitespace) => Ok(()),
        _ => Err("Enter a web address starting with https://.".to_owned()),
    }
}

/// An ISO 3166-1 alpha-2 country code such as `GB` or `DE`.
pub fn country_code(value: &str) -> Check {
    let value = value.trim();
    if iso_country::is_alpha2(value) {
        Ok(())
    } else {
        Err("Enter a two-letter ISO country code such as GB, DE or NL.".to_owned())
    }
}

/// A customer attribute value of OBP type `kind` (STRING, INTEGER, DOUBLE, DATE_WITH_DAY).
/// OBP stores any value, so this is the only guard.
pub fn attribute_value(kind: crate::api::attributes::AttributeType, value: &str) -> Check {
    use crate::api::attributes::AttributeType;
    let value = value.trim();
    match kind {
        AttributeType::String => required(value),
        AttributeType::Integer => {
            let digits = value.strip_prefix('-').unwrap_or(value);
            if !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && value.parse::<i64>().is_ok()
            {
                Ok(())
            } else {
                Err("Enter a whole number such as 123 or -5.".to_owned())
            }
        }
        AttributeType::Double => {
            let unsigned = value.strip_prefix('-').unwrap_or(value);
            let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
            let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
            if !whole.is_empty() && digits(whole) && digits(fraction) && !unsigned.ends_with('.') {
                Ok(())
            } else {
                Err("Enter a decimal number such as 12.1234.".to_owned())
            }
        }
        AttributeType::DateWithDay => date(value),
    }
}

/// One of `options`, exactly.
pub fn one_of(options: &[&str], value: &str) -> Check {
    if options.contains(&value.trim()) {
        Ok(())
    } else {
        Err(format!("Choose one of {}.", options.join(", ")))
    }
}

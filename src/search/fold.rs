//! Folding text for matching: lower case, diacritics dropped (`Zoë Müller` → `zoe muller`),
//! `ß` → `ss`, `Ł` → `l`, `ø` → `o`, `æ` → `ae`, with a table for the Latin blocks (Latin-1,
//! Extended-A and -B, Extended Additional: Vietnamese) and Unicode lower case elsewhere. A folded
//! text can keep, for each of its bytes, where in the original it came from ([`Folded`]), so
//! matches are highlighted in the text as written.

/// The first code point of [`LATIN`].
const LATIN_FIRST: u32 = 0xC0;
/// U+00C0..U+024F folded: a letter, `*` for several letters ([`several`]), `.` for none.
const LATIN: &[u8] =
    b"aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*yaaaaaaccccccccdd\
    ddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssss\
    ssttttttuuuuuuuuuuuuwwyyyzzzzzzsbb.....cc.d.......f....ikkl...n.oo..pp.....ttttu\
    u..yyzz.............*********aaiioouuuuuuuuuu.aaaa**ggggkkoooo..j***gg..nnaa**oo\
    aaaaeeeeiiiioooorrrruuuusstt..hh.d....aaeeooooooooyylntj..accltsz..bu.eejjqqrryy";
/// The first code point of [`EXTENDED`].
const EXTENDED_FIRST: u32 = 0x1E00;
/// U+1E00..U+1EFF (Latin Extended Additional), as [`LATIN`].
const EXTENDED: &[u8] =
    b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooo\
    oooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy....*.\
    aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuu\
    uuyyyyyyyy......";

/// The letters of a character the tables mark `*`.
fn several(c: char) -> &'static str {
    match c {
        'Æ' | 'æ' | 'Ǣ' | 'ǣ' | 'Ǽ' | 'ǽ' => "ae",
        'Þ' | 'þ' => "th",
        'ß' | 'ẞ' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        'Ǆ' | 'ǅ' | 'ǆ' | 'Ǳ' | 'ǲ' | 'ǳ' => "dz",
        'Ǉ' | 'ǈ' | 'ǉ' => "lj",
        _ => "nj",
    }
}

/// Whether `c` is a combining mark (a diacritic written after its letter), dropped by folding.
fn is_combining(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// Appends the folded form of `c` to `out`.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_combining(c) {
        return;
    }
    let code = u32::from(c);
    let in_table = |first: u32, table: &[u8]| {
        code.checked_sub(first)
            .and_then(|at| table.get(usize::try_from(at).ok()?))
            .copied()
    };
    match in_table(LATIN_FIRST, LATIN).or_else(|| in_table(EXTENDED_FIRST, EXTENDED)) {
        Some(b'*') => out.push_str(several(c)),
        Some(letter) if letter != b'.' => out.push(char::from(letter)),
        _ => out.extend(c.to_lowercase()),
    }
}

/// How a field is folded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Every character folded ([`fold`]).
    Text,
    /// Only the digits kept (phone numbers: `+44 7700-900` → `447700900`).
    Digits,
}

impl Fold {
    /// Appends what `c` becomes.
    fn push(self, c: char, out: &mut String) {
        match self {
            Self::Text => push_folded(c, out),
            Self::Digits if c.is_ascii_digit() => out.push(c),
            Self::Digits => {}
        }
    }

    /// `text` folded.
    pub fn apply(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            self.push(c, &mut out);
        }
        out
    }
}

/// `text` in lower case without diacritics, for matching.
pub fn fold(text: &str) -> String {
    Fold::Text.apply(text)
}

/// A folded text that knows where each of its bytes came from in the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte range in the original of the character it came from
    /// (with the diacritics written after it).
    origins: Vec<(usize, usize)>,
}

impl Folded {
    /// Folds `original` as `how` says, keeping the origins.
    pub fn new(original: &str, how: Fold) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origins: Vec<(usize, usize)> = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            let end = at + c.len_utf8();
            let before = text.len();
            how.push(c, &mut text);
            if text.len() > before {
                origins.resize(text.len(), (at, end));
            } else if how == Fold::Text && is_combining(c) {
                // The mark belongs to the letter before it.
                for origin in origins.iter_mut().rev().take_while(|o| o.1 == at) {
                    origin.1 = end;
                }
            }
        }
        Self { text, origins }
    }

    /// The byte range of the original that the folded bytes `start..end` (non-empty, within
    /// the folded text) came from.
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        match (
            self.origins.get(start),
            end.checked_sub(1).and_then(|last| self.origins.get(last)),
        ) {
            (Some(first), Some(last)) if start < end => first.0..last.1,
            _ => 0..0,
        }
    }
}

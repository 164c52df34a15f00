//! The file's lines one at a time, with their 1-based numbers, so an import of 100,000
//! cases holds one line in memory, not the file. A UTF-8 byte-order mark (Windows Notepad
//! writes one) and Windows line ends are allowed; blank lines are skipped.

use std::hash::{DefaultHasher, Hasher};
use std::io::{self, BufRead, Seek, SeekFrom};

/// Reads lines into one reused buffer; [`Lines::rewind`] starts again for the second pass.
pub(super) struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    number: usize,
    /// Of every byte read since the start, so the second pass can tell that it read
    /// what the first one checked.
    digest: DefaultHasher,
}

impl<R: BufRead + Seek> Lines<R> {
    pub(super) fn new(reader: R) -> Lines<R> {
        Lines {
            reader,
            buf: Vec::new(),
            number: 0,
            digest: DefaultHasher::new(),
        }
    }

    /// What was read since the start (or the last rewind), as one number.
    pub(super) fn digest(&self) -> u64 {
        self.digest.finish()
    }

    /// Back to the first line.
    pub(super) fn rewind(&mut self) -> io::Result<()> {
        self.reader.seek(SeekFrom::Start(0))?;
        self.number = 0;
        self.digest = DefaultHasher::new();
        Ok(())
    }

    /// The next line that holds something, with its number; `None` at the end.
    pub(super) fn next_line(&mut self) -> io::Result<Option<(usize, &[u8])>> {
        // The span is found first and borrowed after the loop, which reuses the buffer.
        let (start, end) = loop {
            self.buf.clear();
            if self.reader.read_until(b'\n', &mut self.buf)? == 0 {
                return Ok(None);
            }
            self.number += 1;
            self.digest.write(&self.buf);
            let start = if self.number == 1 && self.buf.starts_with(BOM) {
                BOM.len()
            } else {
                0
            };
            let end = self.buf.len() - line_end(&self.buf);
            let line = self.buf.get(start..end).unwrap_or_default();
            if !line.iter().all(u8::is_ascii_whitespace) {
                break (start, end);
            }
        };
        Ok(Some((
            self.number,
            self.buf.get(start..end).unwrap_or_default(),
        )))
    }
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many bytes end the line: `\r\n`, `\n`, or a last line's lone `\r`.
fn line_end(buf: &[u8]) -> usize {
    match buf {
        [.., b'\r', b'\n'] => 2,
        [.., b'\n'] | [.., b'\r'] => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;
    use std::io::Cursor;

    fn all(bytes: &[u8]) -> Vec<(usize, String)> {
        let mut lines = Lines::new(Cursor::new(bytes));
        let mut out = Vec::new();
        while let Some((n, line)) = lines.next_line().unwrap() {
            out.push((n, String::from_utf8_lossy(line).into_owned()));
        }
        out
    }

    #[test]
    fn numbers_count_blank_lines_and_marks_and_line_ends_are_dropped() {
        let read = all(b"\xEF\xBB\xBF{\"a\":1}\r\n\r\n  \n{\"b\":2}\n{\"c\":3}");
        assert_eq!(
            read,
            [
                (1, "{\"a\":1}".to_string()),
                (4, "{\"b\":2}".to_string()),
                (5, "{\"c\":3}".to_string())
            ]
        );
    }

    #[test]
    fn a_mark_only_counts_at_the_start_and_rewind_reads_again() {
        let bytes = b"x\n\xEF\xBB\xBFy\n";
        let mut lines = Lines::new(Cursor::new(&bytes[..]));
        assert_eq!(lines.next_line().unwrap().map(|(n, _)| n), Some(1));
        let second = lines.next_line().unwrap().map(|(n, l)| (n, l.to_vec()));
        assert_eq!(second, Some((2, b"\xEF\xBB\xBFy".to_vec())));
        lines.next_line().unwrap();
        let first = lines.digest();
        lines.rewind().unwrap();
        assert_eq!(lines.next_line().unwrap().map(|(n, _)| n), Some(1));
        assert_ne!(lines.digest(), first, "only one line read again so far");
        lines.next_line().unwrap();
        assert_eq!(lines.digest(), first);
    }
}

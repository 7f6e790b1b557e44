import Foundation

/// CSV as spreadsheet programs write it in Danish, Swedish, German and English settings:
/// comma, semicolon or tab separated (found from the header line), UTF-8 with or without a
/// byte-order mark (Windows-1252 from older "CSV" save formats is read too), fields in double
/// quotes holding separators, doubled quotes and line breaks, and CRLF, LF or CR line ends.
/// A first line `sep=;` (as Excel writes it) names the separator and is not a record.
///
/// Cells stay data in a spreadsheet (OWASP "CSV Injection"): `write` puts a `'` before a cell
/// a spreadsheet would not keep as typed, and `unprotect` takes it off again when reading; see
/// `protect(_:)` for the rule.
public struct CSVTable: Equatable, Sendable {
    /// One record with the physical line it starts on (1-based, counting the header).
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// Why the text could not be read as CSV.
    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var reason: String
    }

    /// The records, header first.
    public var records: [Record]
    /// The separator found.
    public var separator: Character
    /// "UTF-8", "UTF-8 with BOM" or "Windows-1252".
    public var encoding: String

    /// Reads CSV bytes; a quote that is never closed is a problem naming the line it opens on.
    public static func read(_ data: Data) throws(Problem) -> CSVTable {
        var (text, encoding) = decode(data)
        let separator: Character
        if let named = separatorLine(text) {
            separator = named
            // The line stays a (blank) line, so that records keep their physical line numbers.
            text = String(text.drop { $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
        } else {
            separator = detectSeparator(text)
        }
        let records = try parse(text, separator: separator)
        return CSVTable(records: records, separator: separator, encoding: encoding)
    }

    /// The separator a first line `sep=X` names (Excel's way; any case), else nil.
    static func separatorLine(_ text: String) -> Character? {
        let first = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        guard first.count == 5, first.lowercased().hasPrefix("sep="), let named = first.last else { return nil }
        return named
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection":
    /// `=`, `+`, `-`, `@`, tab, carriage return), and `'`, the text marker itself.
    static let marked: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n", "'"]

    /// A cell as written for a spreadsheet: with a `'` before it when a spreadsheet would not
    /// keep it as typed. That is when it starts with a formula character (`=1+1` would show
    /// `2`, `+45 20 30 40 50` an error) or with `'` itself (so that a value that really starts
    /// with `'` survives `unprotect`), or when it is digits with a leading zero (a phone number
    /// `004520304050` would lose its zeros). LibreOffice and Excel then show and keep the cell
    /// as text, `'` included, and save it so.
    public static func protect(_ cell: String) -> String {
        guard let first = cell.first else { return cell }
        let leadingZero = first == "0" && cell.count > 1 && cell.allSatisfy { $0.isASCII && $0.isNumber }
        return marked.contains(first) || leadingZero ? "'" + cell : cell
    }

    /// A cell as read back: one leading `'` taken off (see `protect`). A cell typed in a
    /// spreadsheet never has one: there a typed `'` only marks text and is not saved.
    public static func unprotect(_ cell: String) -> String {
        cell.first == "'" ? String(cell.dropFirst()) : cell
    }

    /// Text from bytes: UTF-8 (a leading byte-order mark is dropped), else Windows-1252.
    static func decode(_ data: Data) -> (String, String) {
        var bytes = data
        var bom = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            bom = true
        }
        if let text = String(data: bytes, encoding: .utf8) { return (text, bom ? "UTF-8 with BOM" : "UTF-8") }
        return (String(data: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self), "Windows-1252")
    }

    /// The most frequent of `,`, `;` and tab outside quotes on the first line; a comma when none.
    static func detectSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                quoted.toggle()
                continue
            }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, counts[Character(scalar)] != nil { counts[Character(scalar), default: 0] += 1 }
        }
        let best = [";", "\t", ","].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? ","
        return (counts[best] ?? 0) > 0 ? best : ","
    }

    /// Splits `text` into records (RFC 4180, leniently: a quote inside an unquoted field, or
    /// text after a closing quote, is kept as it is).
    static func parse(_ text: String, separator: Character) throws(Problem) -> [Record] {
        let sep = separator.unicodeScalars.first ?? ","
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteLine = 1
        var atFieldStart = true
        var sawAnything = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            sawAnything = false
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else if scalar == "\r" {
                    // A line break inside a field is kept as "\n", whatever the file uses.
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                    field.append("\n")
                    line += 1
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                quoted = true
                quoteLine = line
                atFieldStart = false
                sawAnything = true
            case sep:
                endField()
                sawAnything = true
            case "\r", "\n":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                if sawAnything || !field.isEmpty || !fields.isEmpty {
                    endRecord()
                }
                line += 1
                recordLine = line
            default:
                field.append(scalar)
                atFieldStart = false
                sawAnything = true
            }
        }
        if quoted { throw Problem(line: quoteLine, reason: "a quoted field opened here is never closed (a \" is missing)") }
        if sawAnything || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// Writes records as CSV: CRLF between records, each cell `protect`ed, a field in quotes
    /// when it holds the separator, a quote, a line break or spaces at either end, quotes doubled.
    public static func write(_ rows: [[String]], separator: Character = ",", byteOrderMark: Bool = true) -> Data {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for row in rows {
            text += row.map { quote(protect($0), separator: separator) }.joined(separator: String(separator))
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    static func quote(_ field: String, separator: Character) -> String {
        let needs =
            field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

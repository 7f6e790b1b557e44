import Foundation

/// A position in JSON text (RFC 8259), read forward.
struct JSONCursor {
    /// The text is not JSON, or not as the reader takes it.
    struct Refused: Error {}

    private let bytes: UnsafeRawBufferPointer
    private var at = 0
    private var depth = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func space() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x09, 0x0A, 0x0D: at += 1
            default: return
            }
        }
    }

    mutating func peek() throws -> UInt8 {
        space()
        guard at < bytes.count else { throw Refused() }
        return bytes[at]
    }

    /// Only white space is left.
    mutating func end() throws {
        space()
        guard at == bytes.count else { throw Refused() }
    }

    mutating func enter(_ open: UInt8) throws {
        guard try peek() == open else { throw Refused() }
        at += 1
        depth += 1
        guard depth <= RecordCodec.maxNesting else { throw Refused() }
    }

    /// Reads an object, giving each member's key to `member`, which must read or skip its
    /// value. A key written with escapes is refused.
    mutating func members(_ member: (inout JSONCursor, String) throws -> Void) throws {
        try enter(0x7B)
        guard try peek() != 0x7D else { return leave() }
        repeat {
            guard try peek() == 0x22 else { throw Refused() }
            let start = at + 1
            guard try skipString() == false else { throw Refused() }
            let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at - 1]), as: UTF8.self)
            guard try peek() == 0x3A else { throw Refused() }
            at += 1
            try member(&self, key)
        } while try comma(or: 0x7D)
    }

    /// Reads an object whose members each come once (one given twice is refused: which of
    /// the two counts is not said by RFC 8259), giving each key to `member` as `members` does.
    mutating func fields(_ member: (inout JSONCursor, String) throws -> Void) throws {
        var seen = Set<String>()
        try members { cursor, key in
            guard seen.insert(key).inserted else { throw Refused() }
            try member(&cursor, key)
        }
    }

    /// Reads an array, each element with `element`. With `exact`, the array given has no
    /// room to spare (growing by appending leaves up to half of it unused): for lists kept
    /// while the program runs, such as the catalogue's seats and sessions, whose spare room
    /// took 1.0 MB at 5,000 offers.
    mutating func list<T>(exact: Bool = false, _ element: (inout JSONCursor) throws -> T) throws -> [T] {
        try enter(0x5B)
        var items: [T] = []
        guard try peek() != 0x5D else {
            leave()
            return items
        }
        repeat { items.append(try element(&self)) } while try comma(or: 0x5D)
        guard exact, items.capacity > items.count else { return items }
        return [T](unsafeUninitializedCapacity: items.count) { room, count in
            count = room.initialize(fromContentsOf: items)
        }
    }

    /// After a member or element: true at a comma (another follows), false at `close`.
    mutating func comma(or close: UInt8) throws -> Bool {
        switch try peek() {
        case 0x2C:
            at += 1
            return true
        case close:
            leave()
            return false
        default: throw Refused()
        }
    }

    mutating func leave() {
        at += 1
        depth -= 1
    }

    /// True (and passed over) at `null`.
    mutating func null() throws -> Bool {
        guard try peek() == 0x6E else { return false }
        try literal("null")
        return true
    }

    mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { throw Refused() }
        for offset in 0..<count where bytes[at + offset] != word.utf8Start[offset] { throw Refused() }
        at += count
    }

    /// A whole number (no fraction, no exponent) that fits an `Int`.
    mutating func int() throws -> Int {
        let negative = try peek() == 0x2D
        if negative { at += 1 }
        var value = 0
        let start = at
        while at < bytes.count, (0x30...0x39).contains(bytes[at]) {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAgain) = times.addingReportingOverflow(Int(bytes[at] - 0x30) * (negative ? -1 : 1))
            guard !overflow, !overflowAgain else { throw Refused() }
            value = sum
            at += 1
        }
        guard at > start, bytes[start] != 0x30 || at == start + 1 else { throw Refused() }
        if at < bytes.count, [0x2E, 0x65, 0x45].contains(bytes[at]) { throw Refused() }
        return value
    }

    /// A string, its escapes read.
    mutating func string() throws -> String {
        guard try peek() == 0x22 else { throw Refused() }
        let start = at + 1
        guard try skipString() else { return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at - 1]), as: UTF8.self) }
        var text = ""
        var index = start
        while index < at - 1 {
            if bytes[index] == 0x5C {
                var escape = JSONCursor(bytes)
                escape.at = index
                text.unicodeScalars.append(try escape.escape())
                index = escape.at
            } else {
                let run = index
                while index < at - 1, bytes[index] != 0x5C { index += 1 }
                text += String(decoding: UnsafeRawBufferPointer(rebasing: bytes[run..<index]), as: UTF8.self)
            }
        }
        return text
    }

    /// Passes over a string (at its opening quote), checking its escapes and its UTF-8;
    /// true when it holds an escape.
    @discardableResult
    mutating func skipString() throws -> Bool {
        at += 1
        var escaped = false
        while at < bytes.count {
            let byte = bytes[at]
            if byte == 0x22 {
                at += 1
                return escaped
            } else if byte == 0x5C {
                _ = try escape()
                escaped = true
            } else if byte < 0x20 {
                throw Refused()
            } else if byte < 0x80 {
                at += 1
            } else {
                try utf8()
            }
        }
        throw Refused()
    }

    /// The character of an escape (at its backslash), a surrogate pair read as one.
    mutating func escape() throws -> Unicode.Scalar {
        guard at + 1 < bytes.count else { throw Refused() }
        let letter = bytes[at + 1]
        at += 2
        switch letter {
        case 0x22, 0x5C, 0x2F: return Unicode.Scalar(letter)
        case 0x62: return "\u{08}"
        case 0x66: return "\u{0C}"
        case 0x6E: return "\n"
        case 0x72: return "\r"
        case 0x74: return "\t"
        case 0x75:
            let unit = try hex4()
            if (0xDC00...0xDFFF).contains(unit) { throw Refused() }
            guard (0xD800...0xDBFF).contains(unit) else { return Unicode.Scalar(unit) ?? "\u{FFFD}" }
            guard at + 1 < bytes.count, bytes[at] == 0x5C, bytes[at + 1] == 0x75 else { throw Refused() }
            at += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            else { throw Refused() }
            return scalar
        default: throw Refused()
        }
    }

    mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count else { throw Refused() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Refused()
            }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    /// Passes over one character of two to four bytes of well-formed UTF-8 (RFC 3629:
    /// no overlong form, no surrogate, nothing above U+10FFFF).
    mutating func utf8() throws {
        let lead = bytes[at]
        let (count, second): (Int, ClosedRange<UInt8>)
        switch lead {
        case 0xC2...0xDF: (count, second) = (2, 0x80...0xBF)
        case 0xE0: (count, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (count, second) = (3, 0x80...0xBF)
        case 0xED: (count, second) = (3, 0x80...0x9F)
        case 0xF0: (count, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (count, second) = (4, 0x80...0xBF)
        case 0xF4: (count, second) = (4, 0x80...0x8F)
        default: throw Refused()
        }
        guard at + count <= bytes.count, second.contains(bytes[at + 1]) else { throw Refused() }
        for offset in 2..<count where !(0x80...0xBF).contains(bytes[at + offset]) { throw Refused() }
        at += count
    }

    /// Passes over any value, checking that it is JSON.
    mutating func skip() throws {
        switch try peek() {
        case 0x22: try skipString()
        case 0x7B: try members { cursor, _ in try cursor.skip() }
        case 0x5B: _ = try list { try $0.skip() }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: try number()
        }
    }

    /// Passes over a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() throws {
        if at < bytes.count, bytes[at] == 0x2D { at += 1 }
        func digits() throws {
            let start = at
            while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
            guard at > start else { throw Refused() }
        }
        let start = at
        try digits()
        guard bytes[start] != 0x30 || at == start + 1 else { throw Refused() }
        if at < bytes.count, bytes[at] == 0x2E {
            at += 1
            try digits()
        }
        if at < bytes.count, bytes[at] == 0x65 || bytes[at] == 0x45 {
            at += 1
            if at < bytes.count, bytes[at] == 0x2B || bytes[at] == 0x2D { at += 1 }
            try digits()
        }
    }
}

import Foundation

// The pieces of one line of `caseload-index.jsonl`: its checksum, and a writer and a reader
// for its fixed shape (see `IndexFile`).

/// The checksum of an index line: 64 bits, eight bytes at a time (multiply and fold), so
/// that checking 1.5 MB of index takes well under a millisecond. It guards against damage
/// and hand edits, not against an attacker (who could edit the records themselves).
enum LineChecksum {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(range.count)
        guard let base = bytes.baseAddress, !range.isEmpty else { return hash }
        let start = UnsafeRawPointer(base + range.lowerBound)
        var offset = 0
        while offset + 8 <= range.count {
            let word = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        while offset < range.count {
            hash = (hash ^ UInt64(start.load(fromByteOffset: offset, as: UInt8.self))) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}

/// Builds one line: `[v,v,…,"checksum"]`.
struct LineWriter {
    private var bytes: [UInt8] = [0x5B]

    private mutating func separate() {
        if bytes.count > 1 { bytes.append(0x2C) }
    }

    mutating func string(_ text: String) {
        separate()
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0..<0x20:
                bytes += Array("\\u00".utf8)
                bytes.append(LineChecksum.hexDigits[Int(byte >> 4)])
                bytes.append(LineChecksum.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    mutating func integer(_ value: Int64) {
        separate()
        bytes += Array(String(value).utf8)
    }

    mutating func optionalString(_ text: String?) {
        guard let text else { return null() }
        string(text)
    }

    mutating func optionalInteger(_ value: Int64?) {
        guard let value else { return null() }
        integer(value)
    }

    private mutating func null() {
        separate()
        bytes += Array("null".utf8)
    }

    /// The line with its checksum (over everything up to and including the last comma).
    mutating func finish() -> [UInt8] {
        bytes.append(0x2C)
        let hash = bytes.withUnsafeBufferPointer { LineChecksum.of($0, 0..<$0.count) }
        bytes.append(0x22)
        for shift in stride(from: 60, through: 0, by: -4) {
            bytes.append(LineChecksum.hexDigits[Int((hash >> UInt64(shift)) & 0xF)])
        }
        bytes += [0x22, 0x5D]
        return bytes
    }
}

/// Reads one line written by `LineWriter`, checking its checksum first.
struct LineReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// Index of the comma before the checksum.
    private let checksumComma: Int

    /// Nil unless the line ends in `,"<16 hex digits>"]` matching the bytes before it.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        // `,"` + 16 digits + `"]` = 20 bytes, after at least `[`.
        guard range.count >= 21 else { return nil }
        let comma = range.upperBound - 20
        guard bytes[comma] == 0x2C, bytes[comma + 1] == 0x22, bytes[range.upperBound - 2] == 0x22,
            bytes[range.upperBound - 1] == 0x5D
        else { return nil }
        var stored: UInt64 = 0
        for index in (comma + 2)..<(comma + 18) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            stored = stored << 4 | UInt64(digit)
        }
        guard LineChecksum.of(bytes, range.lowerBound..<(comma + 1)) == stored else { return nil }
        self.bytes = bytes
        position = range.lowerBound
        checksumComma = comma
    }

    /// True when only the checksum is left.
    var atChecksum: Bool { position == checksumComma }

    mutating func open() -> Bool { take(0x5B) }

    mutating func comma() -> Bool { take(0x2C) }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < checksumComma, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private var isNull: Bool {
        position + 4 <= checksumComma && bytes[position] == 0x6E && bytes[position + 1] == 0x75
            && bytes[position + 2] == 0x6C && bytes[position + 3] == 0x6C
    }

    mutating func integer() -> Int64? {
        var negative = false
        if position < checksumComma, bytes[position] == 0x2D {
            negative = true
            position += 1
        }
        var value: Int64 = 0
        var digits = 0
        while position < checksumComma, bytes[position] >= 0x30, bytes[position] <= 0x39, digits < 19 {
            value = value * 10 + Int64(bytes[position] - 0x30)
            position += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    /// `.some(nil)` for `null`, nil when neither a number nor null.
    mutating func optionalInteger() -> Int64?? {
        if isNull {
            position += 4
            return .some(nil)
        }
        return integer().map { .some($0) }
    }

    mutating func optionalString() -> String?? {
        if isNull {
            position += 4
            return .some(nil)
        }
        return string().map { .some($0) }
    }

    mutating func string() -> String? {
        guard take(0x22) else { return nil }
        let start = position
        while position < checksumComma {
            switch bytes[position] {
            case 0x22:
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            case 0x5C:
                return escaped(from: start)
            default:
                position += 1
            }
        }
        return nil
    }

    /// The slow path of a string with escapes, from its first byte.
    private mutating func escaped(from start: Int) -> String? {
        var text = Array(bytes[start..<position])
        while position < checksumComma {
            let byte = bytes[position]
            position += 1
            if byte == 0x22 { return String(decoding: text, as: UTF8.self) }
            guard byte == 0x5C else {
                text.append(byte)
                continue
            }
            guard position < checksumComma else { return nil }
            let code = bytes[position]
            position += 1
            switch code {
            case 0x22, 0x5C, 0x2F: text.append(code)
            case 0x62: text.append(0x08)
            case 0x66: text.append(0x0C)
            case 0x6E: text.append(0x0A)
            case 0x72: text.append(0x0D)
            case 0x74: text.append(0x09)
            case 0x75:
                guard let unit = hex4() else { return nil }
                var scalarValue = UInt32(unit)
                if (0xD800..<0xDC00).contains(unit) {
                    guard take(0x5C), take(0x75), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalarValue = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { return nil }
                text += Array(String(Character(scalar)).utf8)
            default:
                return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt16? {
        guard position + 4 <= checksumComma else { return nil }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}

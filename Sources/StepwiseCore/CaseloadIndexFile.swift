import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing `caseload-index.jsonl` (the layout is described at `CaseloadIndex`).
/// Hand-written because Foundation's JSON takes 25–45 ms for the index of 10,000
/// participants and this takes a few: each line has a fixed shape and is checked whole.
enum IndexFile {
    /// What was found in the index file.
    struct Found {
        var state: CaseloadIndex.Statistics.IndexState
        /// Every line that could be believed, in file order.
        var records: [IndexRecord] = []
        /// How many of `records` came from the body (they are in caseload order).
        var bodyCount = 0
        /// Lines that failed their checksum or their shape.
        var damaged = 0
    }

    // MARK: Reading

    /// Reads the index at `path`; `locale` is the one the caseload is sorted for.
    static func read(_ path: String, locale: String) -> Found {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return Found(state: errno == ENOENT ? .missing : .broken) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return Found(state: .broken) }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < size {
                let count = Glibc.read(fd, buffer.baseAddress.map { $0 + filled }, size - filled)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                filled += count
            }
            return true
        }
        guard ok else { return Found(state: .broken) }
        return bytes.withUnsafeBufferPointer { parse($0, locale: locale) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, locale: String) -> Found {
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            if index > start { lines.append(start..<index) }
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        guard let first = lines.first, let header = header(bytes, first) else { return Found(state: .broken) }
        guard header.version == CaseloadIndex.formatVersion else { return Found(state: .outdated) }
        var found = Found(state: header.locale == locale ? .valid : .outdated)
        found.records.reserveCapacity(lines.count)
        for (number, range) in lines.dropFirst().enumerated() {
            guard let record = record(bytes, range) else {
                found.damaged += 1
                continue
            }
            found.records.append(record)
            // In another locale the body is in another order: every entry is inserted afresh.
            if number < header.body && found.state == .valid { found.bodyCount = found.records.count }
        }
        return found
    }

    private static func header(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (version: Int, locale: String, body: Int)? {
        guard var reader = LineReader(bytes, range) else { return nil }
        guard reader.open(), reader.string() == CaseloadIndex.formatName, reader.comma(),
              let version = reader.integer(), reader.comma(), let locale = reader.string(), reader.comma(),
              let body = reader.integer(), reader.atChecksum else { return nil }
        return (Int(version), locale, Int(body))
    }

    private static func record(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> IndexRecord? {
        guard var reader = LineReader(bytes, range), reader.open(), let kind = reader.string(), reader.comma(),
              let id = reader.string(), reader.comma(),
              let size = reader.integer(), reader.comma(), let modified = reader.integer(), reader.comma(),
              let changed = reader.integer(), reader.comma(), let inode = reader.integer(), reader.comma()
        else { return nil }
        let stamp = FileStamp(size: size, modified: modified, changed: changed, inode: inode)
        switch kind {
        case "p":
            guard let name = reader.string(), reader.comma(), let key = reader.string(), reader.comma(),
                  let start = reader.integer(), reader.comma(),
                  let number = reader.optionalInteger(), reader.comma(), let planned = reader.optionalInteger(), reader.comma(),
                  let status = reader.optionalString(), reader.comma(), let statusChanged = reader.optionalInteger(),
                  reader.atChecksum else { return nil }
            var next: Conversation?
            if let number = number, let planned = planned, let status = status {
                guard let status = Conversation.Status(rawValue: status) else { return nil }
                next = Conversation(number: Int(number), planned: Day(ordinal: Int(planned)), status: status,
                                    statusChanged: statusChanged.map { Day(ordinal: Int($0)) })
            }
            let entry = CaseloadEntry(id: id, name: name, searchKey: key, courseStart: Day(ordinal: Int(start)), nextConversation: next)
            return IndexRecord(id: id, stamp: stamp, value: .entry(entry))
        case "u":
            guard let file = reader.string(), reader.comma(), let field = reader.optionalString(), reader.comma(),
                  let reason = reader.string(), reader.atChecksum else { return nil }
            return IndexRecord(id: id, stamp: stamp, value: .unreadable(RecordProblem(file: file, field: field, reason: reason)))
        default:
            return nil
        }
    }

    // MARK: Writing

    /// One record as a line (without the newline).
    static func line(_ record: IndexRecord) -> [UInt8] {
        var writer = LineWriter()
        switch record.value {
        case let .entry(entry):
            writer.string("p")
            common(record, into: &writer)
            writer.string(entry.name)
            writer.string(entry.searchKey)
            writer.integer(Int64(entry.courseStart.ordinal))
            let next = entry.nextConversation
            writer.optionalInteger(next.map { Int64($0.number) })
            writer.optionalInteger(next.map { Int64($0.planned.ordinal) })
            writer.optionalString(next?.status.rawValue)
            writer.optionalInteger(next?.statusChanged.map { Int64($0.ordinal) })
        case let .unreadable(problem):
            writer.string("u")
            common(record, into: &writer)
            writer.string(problem.file)
            writer.optionalString(problem.field)
            writer.string(problem.reason)
        }
        return writer.finish()
    }

    private static func common(_ record: IndexRecord, into writer: inout LineWriter) {
        writer.string(record.id)
        writer.integer(record.stamp.size)
        writer.integer(record.stamp.modified)
        writer.integer(record.stamp.changed)
        writer.integer(record.stamp.inode)
    }

    /// Writes the whole index atomically (0600, fsynced): the header, then `lines`, of which
    /// the first `body` (all, unless given) are in caseload order.
    static func write(_ lines: [[UInt8]], body: Int? = nil, locale: String, to url: URL) -> Bool {
        var header = LineWriter()
        header.string(CaseloadIndex.formatName)
        header.integer(Int64(CaseloadIndex.formatVersion))
        header.string(locale)
        header.integer(Int64(body ?? lines.count))
        var bytes = header.finish()
        bytes.reserveCapacity(lines.reduce(bytes.count + 1) { $0 + $1.count + 1 })
        bytes.append(0x0A)
        for line in lines {
            bytes += line
            bytes.append(0x0A)
        }
        do {
            try AtomicFile.write(Data(bytes), to: url)
            return true
        } catch {
            return false
        }
    }

    /// Appends `lines` to an existing index in one write, without fsync (the index is a
    /// cache: a lost line only means that file is parsed again). The leading newline ends a
    /// line an interrupted writer may have left unfinished.
    static func append(_ lines: [[UInt8]], to path: String) -> Bool {
        guard !lines.isEmpty else { return true }
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes: [UInt8] = [0x0A]
        for line in lines {
            bytes += line
            bytes.append(0x0A)
        }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        return written == bytes.count
    }
}

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
              bytes[range.upperBound - 1] == 0x5D else { return nil }
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

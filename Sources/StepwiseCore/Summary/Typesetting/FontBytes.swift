/// Reading and writing the big-endian numbers of a TrueType file (used by `TrueTypeFont`).

/// Big-endian reads with bounds checks.
struct ByteReader<Bytes: RandomAccessCollection> where Bytes.Element == UInt8, Bytes.Index == Int {
    /// The bytes, their first at index 0 (an array, or a font file's `Data` as read).
    let bytes: Bytes
    init(_ bytes: Bytes) { self.bytes = bytes }

    func bytes(_ offset: Int, _ count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset + count <= bytes.count else {
            throw TrueTypeFont.Failure.unreadable("cut short at \(offset)")
        }
        return Array(bytes[offset..<(offset + count)])
    }

    func u16(_ offset: Int) throws -> Int {
        guard offset >= 0, offset + 2 <= bytes.count else { throw TrueTypeFont.Failure.unreadable("cut short at \(offset)") }
        return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    func i16(_ offset: Int) throws -> Int { Int(Int16(bitPattern: UInt16(try u16(offset)))) }

    func u32(_ offset: Int) throws -> Int { try u16(offset) << 16 | u16(offset + 2) }

    func i32(_ offset: Int) throws -> Int { Int(Int32(bitPattern: UInt32(try u32(offset)))) }

    func range(_ tables: [String: Range<Int>], _ tag: String) throws -> Range<Int> {
        guard let range = tables[tag] else { throw TrueTypeFont.Failure.unreadable("no '\(tag)' table") }
        return range
    }

    func table(_ tables: [String: Range<Int>], _ tag: String) throws -> Int { try range(tables, tag).lowerBound }
}

/// Big-endian writes.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u16(_ value: Int) {
        bytes.append(UInt8(value >> 8 & 0xFF))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func i16(_ value: Int) { u16(Int(UInt16(bitPattern: Int16(truncatingIfNeeded: value)))) }

    mutating func u32(_ value: Int) {
        u16(value >> 16 & 0xFFFF)
        u16(value & 0xFFFF)
    }
}

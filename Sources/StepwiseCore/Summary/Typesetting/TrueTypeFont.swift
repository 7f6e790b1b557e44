import Foundation

/// A TrueType font (`glyf` outlines) read from its file: the character map, the advance
/// widths and the outlines, enough to set text and to embed a subset in a PDF.
///
/// Tables read (Apple TrueType Reference Manual; OpenType spec 1.9, "Font file tables"):
/// `head`, `hhea`, `maxp`, `hmtx`, `cmap` (formats 4 and 12), `loca`, `glyf`, `post`, `name`
/// and, when there, `OS/2`, `cvt `, `fpgm`, `prep`.
public struct TrueTypeFont: Sendable {
    /// Why a font file cannot be used.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file is not a TrueType font, or a table it needs is missing or cut short.
        case unreadable(String)

        public var description: String {
            switch self {
            case .unreadable(let reason): return "not a usable TrueType font: \(reason)"
            }
        }
    }

    /// The PostScript name (`name` table, id 6), e.g. `DejaVuSans-Bold`.
    public let postScriptName: String
    /// Font units per em (`head.unitsPerEm`), e.g. 2048.
    public let unitsPerEm: Int
    /// Ascender and descender in font units (`hhea`; the descender is negative).
    public let ascender: Int
    public let descender: Int
    /// Height of capital letters in font units (`OS/2.sCapHeight`, else the ascender).
    public let capHeight: Int
    /// The bounding box of all glyphs in font units: xMin, yMin, xMax, yMax (`head`).
    public let boundingBox: [Int]
    /// The italic angle in degrees (`post`).
    public let italicAngle: Double
    /// Whether the weight class is bold (`OS/2.usWeightClass` ≥ 600).
    public let isBold: Bool
    /// Number of glyphs (`maxp.numGlyphs`).
    public let glyphCount: Int

    /// Where the font's bytes are when a PDF embeds it: a font read from a file is read
    /// again then (the metrics above are all a layout needs; DejaVu Sans and its bold held
    /// 1.4 MB for the whole run), a font given as bytes keeps them.
    private let source: Source
    let tables: [String: Range<Int>]
    private let characterMap: [UInt32: UInt16]
    /// The glyphs of the scalars below U+2800 (Latin, punctuation, arrows, shapes, dingbats:
    /// nearly all text of a plan), indexed by scalar value, 0 for none: looked up without hashing.
    private let directGlyphs: [UInt16]
    private let advances: [UInt16]
    let longLoca: Bool

    /// The bytes of a font given as bytes, or the file of one read from a file with its size
    /// and a copy of its table directory as read (what the file must still have when read
    /// again; a slice of the bytes would keep them all).
    private enum Source {
        case bytes(Data)
        case file(URL, size: Int, directory: [UInt8])
    }

    /// Reads the font file at `url` (read, not mapped: a file changed in place while mapped
    /// would stop the program). Throws the file's read error or `Failure.unreadable`.
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        try self.init(data: data, from: url)
    }

    /// Reads a font from its bytes. Throws `Failure.unreadable` when a needed table is
    /// missing, cut short, or the outlines are not TrueType (`glyf`).
    public init(data: Data) throws { try self.init(data: data, from: nil) }

    private init(data: Data, from file: URL?) throws {
        let bytes = data.startIndex == 0 ? data : Data(data)
        let reader = ByteReader(bytes)
        let version = try reader.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else {
            throw Failure.unreadable("no TrueType outlines (version \(version))")
        }
        let count = try reader.u16(4)
        var tables: [String: Range<Int>] = [:]
        for index in 0..<count {
            let record = 12 + index * 16
            let tag = String(decoding: try reader.bytes(record, 4), as: UTF8.self)
            let offset = try reader.u32(record + 8)
            let length = try reader.u32(record + 12)
            guard offset + length <= bytes.count else { throw Failure.unreadable("table \(tag) is cut short") }
            tables[tag] = offset..<(offset + length)
        }
        source = file.map { .file($0, size: bytes.count, directory: Array(bytes.prefix(12 + count * 16))) } ?? .bytes(bytes)
        for tag in ["head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"] where tables[tag] == nil {
            throw Failure.unreadable("no '\(tag)' table")
        }
        self.tables = tables
        let head = try reader.table(tables, "head")
        unitsPerEm = try reader.u16(head + 18)
        boundingBox = try [36, 38, 40, 42].map { try reader.i16(head + $0) }
        longLoca = try reader.i16(head + 50) == 1
        let hhea = try reader.table(tables, "hhea")
        ascender = try reader.i16(hhea + 4)
        descender = try reader.i16(hhea + 6)
        let metricCount = try reader.u16(hhea + 34)
        glyphCount = try reader.u16(reader.table(tables, "maxp") + 4)
        if let os2 = tables["OS/2"], os2.count >= 90 {
            capHeight = try reader.i16(os2.lowerBound + 88)
            isBold = try reader.u16(os2.lowerBound + 4) >= 600
        } else {
            capHeight = ascender
            isBold = false
        }
        if let post = tables["post"] {
            italicAngle = Double(try reader.i32(post.lowerBound + 4)) / 65536
        } else {
            italicAngle = 0
        }
        let hmtx = try reader.table(tables, "hmtx")
        var advances: [UInt16] = []
        advances.reserveCapacity(glyphCount)
        for glyph in 0..<glyphCount {
            advances.append(UInt16(try reader.u16(hmtx + 4 * min(glyph, max(0, metricCount - 1)))))
        }
        self.advances = advances
        let characterMap = try TrueTypeFont.readCharacterMap(reader, tables: tables)
        self.characterMap = characterMap
        var directGlyphs = [UInt16](repeating: 0, count: 0x2800)
        for (scalar, glyph) in characterMap where scalar < directGlyphs.count { directGlyphs[Int(scalar)] = glyph }
        self.directGlyphs = directGlyphs
        postScriptName = TrueTypeFont.readPostScriptName(reader, tables: tables) ?? "Font"
    }

    /// The font's bytes: those given, or the file read again, when it is still the font read.
    func bytes() throws -> Data {
        switch source {
        case .bytes(let data): return data
        case .file(let url, let size, let directory):
            let data = try Data(contentsOf: url)
            guard data.count == size, Array(data.prefix(directory.count)) == directory else {
                throw Failure.unreadable("\(url.path) changed since Stepwise started; start it again")
            }
            return data
        }
    }

    /// The glyph for a character, or nil when the font has none (glyph 0, `.notdef`).
    public func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        let glyph = scalar.value < directGlyphs.count ? directGlyphs[Int(scalar.value)] : characterMap[scalar.value] ?? 0
        return glyph == 0 ? nil : glyph
    }

    /// The advance width of `glyph` in font units.
    public func advance(_ glyph: UInt16) -> Int { Int(glyph) < advances.count ? Int(advances[Int(glyph)]) : 0 }

    /// The advance width of `glyph` in thousandths of the font size (PDF glyph space).
    public func width(_ glyph: UInt16) -> Double { Double(advance(glyph)) * 1000 / Double(unitsPerEm) }

    // MARK: - Reading tables

    private static func readCharacterMap(_ reader: ByteReader<Data>, tables: [String: Range<Int>]) throws -> [UInt32: UInt16] {
        let cmap = try reader.table(tables, "cmap")
        let count = try reader.u16(cmap + 2)
        var best: (rank: Int, offset: Int)?
        for index in 0..<count {
            let record = cmap + 4 + index * 8
            let platform = try reader.u16(record)
            let encoding = try reader.u16(record + 2)
            let offset = cmap + (try reader.u32(record + 4))
            let format = try reader.u16(offset)
            // Full Unicode (format 12) before the Basic Multilingual Plane (format 4).
            let rank: Int
            switch (platform, encoding, format) {
            case (3, 10, 12), (0, 4, 12), (0, 6, 12): rank = 2
            case (3, 1, 4), (0, 3, 4), (0, 1, 4), (0, 0, 4): rank = 1
            default: continue
            }
            if best.map({ rank > $0.rank }) ?? true { best = (rank, offset) }
        }
        guard let table = best?.offset else { throw Failure.unreadable("no Unicode character map (cmap format 4 or 12)") }
        var map: [UInt32: UInt16] = [:]
        if try reader.u16(table) == 12 {
            let groups = try reader.u32(table + 12)
            for group in 0..<groups {
                let record = table + 16 + group * 12
                let first = try reader.u32(record)
                let last = try reader.u32(record + 4)
                let glyph = try reader.u32(record + 8)
                guard last >= first, last - first < 0x11_0000 else { continue }
                for code in first...last { map[UInt32(code)] = UInt16(truncatingIfNeeded: glyph + code - first) }
            }
            return map
        }
        let segments = try reader.u16(table + 6) / 2
        let ends = table + 14
        let starts = ends + 2 * segments + 2
        let deltas = starts + 2 * segments
        let rangeOffsets = deltas + 2 * segments
        for segment in 0..<segments {
            let end = try reader.u16(ends + 2 * segment)
            let start = try reader.u16(starts + 2 * segment)
            let delta = try reader.u16(deltas + 2 * segment)
            let rangeOffset = try reader.u16(rangeOffsets + 2 * segment)
            guard start <= end, start != 0xFFFF else { continue }
            for code in start...end {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    let address = rangeOffsets + 2 * segment + rangeOffset + 2 * (code - start)
                    glyph = try reader.u16(address)
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph != 0 { map[UInt32(code)] = UInt16(glyph) }
            }
        }
        return map
    }

    /// The PostScript name: name id 6, in Windows Unicode (UTF-16BE) or Macintosh Roman.
    private static func readPostScriptName(_ reader: ByteReader<Data>, tables: [String: Range<Int>]) -> String? {
        guard let name = tables["name"]?.lowerBound, let count = try? reader.u16(name + 2),
            let storage = try? reader.u16(name + 4)
        else { return nil }
        for index in 0..<count {
            let record = name + 6 + index * 12
            guard let platform = try? reader.u16(record), let nameID = try? reader.u16(record + 6), nameID == 6,
                let length = try? reader.u16(record + 8), let offset = try? reader.u16(record + 10),
                let bytes = try? reader.bytes(name + storage + offset, length)
            else { continue }
            let text: String
            if platform == 3 || platform == 0 {
                let units = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
                text = String(decoding: units, as: UTF16.self)
            } else {
                text = String(decoding: bytes, as: UTF8.self)
            }
            let clean = text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}

import Foundation

/// Subsetting a TrueType font for a PDF, and writing the subset as a font file.
extension TrueTypeFont {
    // MARK: - Subsetting

    /// A font file holding only `glyphs` (and `.notdef` and the parts of composite glyphs),
    /// renumbered from 0 in ascending order of the original ids, and the map from each
    /// original glyph id to its new one. The file has the tables a PDF reader needs for an
    /// embedded CIDFontType2 (ISO 32000-1, 9.9): `head`, `hhea`, `maxp`, `hmtx`, `loca`,
    /// `glyf`, `post` (format 3), an empty `cmap`, `OS/2` and the hinting tables the glyphs'
    /// instructions use.
    /// Throws the file's read error, or `Failure.unreadable` when the file is no longer the
    /// one read (another size or table directory: changed in place since).
    public func subset(_ glyphs: Set<UInt16>) throws -> (font: Data, newIDs: [UInt16: UInt16]) {
        let data = try bytes()
        let reader = ByteReader(data)
        var keep: Set<UInt16> = [0]
        var pending = Array(glyphs)
        while let glyph = pending.popLast() {
            guard Int(glyph) < glyphCount, keep.insert(glyph).inserted else { continue }
            for component in try components(of: glyph, reader) where !keep.contains(component) { pending.append(component) }
        }
        let ordered = keep.sorted()
        var newIDs: [UInt16: UInt16] = [:]
        for (index, glyph) in ordered.enumerated() { newIDs[glyph] = UInt16(index) }

        var glyf: [UInt8] = []
        var loca: [UInt32] = [0]
        for glyph in ordered {
            var outline = try self.outline(glyph, reader)
            if outline.count >= 10, Int16(bitPattern: UInt16(outline[0]) << 8 | UInt16(outline[1])) < 0 {
                try renumberComponents(&outline, newIDs)
            }
            glyf += outline
            while glyf.count % 4 != 0 { glyf.append(0) }
            loca.append(UInt32(glyf.count))
        }
        var hmtx = ByteWriter()
        for glyph in ordered {
            hmtx.u16(advance(glyph))
            hmtx.i16(try leftSideBearing(glyph, reader))
        }
        var locaTable = ByteWriter()
        for offset in loca { locaTable.u32(Int(offset)) }

        var head = try Array(data[reader.range(tables, "head")])
        head[8..<12] = [0, 0, 0, 0]  // checkSumAdjustment, set below
        head[50] = 0
        head[51] = 1  // long loca offsets
        var hhea = try Array(data[reader.range(tables, "hhea")])
        hhea[34] = UInt8(ordered.count >> 8)
        hhea[35] = UInt8(ordered.count & 0xFF)
        var maxp = try Array(data[reader.range(tables, "maxp")])
        maxp[4] = UInt8(ordered.count >> 8)
        maxp[5] = UInt8(ordered.count & 0xFF)
        var post = try Array(data[reader.range(tables, "post")].prefix(32))
        post[0..<4] = [0, 3, 0, 0]
        if post.count < 32 { post += Array(repeating: 0, count: 32 - post.count) }

        var out: [String: [UInt8]] = [
            "head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx.bytes, "loca": locaTable.bytes, "glyf": glyf,
            "post": post, "cmap": TrueTypeFont.emptyCharacterMap,
        ]
        for tag in ["cvt ", "fpgm", "prep", "OS/2"] {
            if let range = tables[tag] { out[tag] = Array(data[range]) }
        }
        var file = TrueTypeFont.assemble(out)
        // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
        let adjustment = 0xB1B0_AFBA &- TrueTypeFont.checksum(file)
        if let headOffset = TrueTypeFont.tableOffset(in: file, "head") {
            file[headOffset + 8] = UInt8(adjustment >> 24 & 0xFF)
            file[headOffset + 9] = UInt8(adjustment >> 16 & 0xFF)
            file[headOffset + 10] = UInt8(adjustment >> 8 & 0xFF)
            file[headOffset + 11] = UInt8(adjustment & 0xFF)
        }
        return (Data(file), newIDs)
    }

    /// A `cmap` with one Windows Unicode subtable (format 4) that maps nothing: the PDF finds
    /// glyphs by id, but a font file must have a character map to be read as one.
    private static let emptyCharacterMap: [UInt8] = {
        var table = ByteWriter()
        for value in [0, 1, 3, 1] { table.u16(value) }
        table.u32(12)
        // format, length, language, segCountX2, searchRange, entrySelector, rangeShift,
        // endCode, reservedPad, startCode, idDelta, idRangeOffset
        for value in [4, 24, 0, 2, 2, 0, 0, 0xFFFF, 0, 0xFFFF, 1, 0] { table.u16(value) }
        return table.bytes
    }()

    /// The outline bytes of `glyph` (empty for a glyph without contours).
    private func outline(_ glyph: UInt16, _ reader: ByteReader<Data>) throws -> [UInt8] {
        let loca = try reader.table(tables, "loca")
        let glyf = try reader.table(tables, "glyf")
        let start: Int
        let end: Int
        if longLoca {
            start = try reader.u32(loca + 4 * Int(glyph))
            end = try reader.u32(loca + 4 * Int(glyph) + 4)
        } else {
            start = try reader.u16(loca + 2 * Int(glyph)) * 2
            end = try reader.u16(loca + 2 * Int(glyph) + 2) * 2
        }
        guard end > start else { return [] }
        return try reader.bytes(glyf + start, end - start)
    }

    private func leftSideBearing(_ glyph: UInt16, _ reader: ByteReader<Data>) throws -> Int {
        let hmtx = try reader.table(tables, "hmtx")
        let metricCount = try reader.u16(reader.table(tables, "hhea") + 34)
        if Int(glyph) < metricCount { return try reader.i16(hmtx + 4 * Int(glyph) + 2) }
        return try reader.i16(hmtx + 4 * metricCount + 2 * (Int(glyph) - metricCount))
    }

    /// The glyphs a composite glyph is made of (none for a simple glyph).
    private func components(of glyph: UInt16, _ reader: ByteReader<Data>) throws -> [UInt16] {
        var found: [UInt16] = []
        try walkComponents(try outline(glyph, reader)) { offset, bytes in
            found.append(UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]))
        }
        return found
    }

    private func renumberComponents(_ outline: inout [UInt8], _ newIDs: [UInt16: UInt16]) throws {
        var offsets: [Int] = []
        try walkComponents(outline) { offset, _ in offsets.append(offset) }
        for offset in offsets {
            let old = UInt16(outline[offset]) << 8 | UInt16(outline[offset + 1])
            let new = newIDs[old] ?? 0
            outline[offset] = UInt8(new >> 8)
            outline[offset + 1] = UInt8(new & 0xFF)
        }
    }

    /// Calls `visit` with the offset of each component's glyph index in a composite glyph
    /// (`glyf` component flags: ARG_1_AND_2_ARE_WORDS 0x1, WE_HAVE_A_SCALE 0x8,
    /// MORE_COMPONENTS 0x20, WE_HAVE_AN_X_AND_Y_SCALE 0x40, WE_HAVE_A_TWO_BY_TWO 0x80).
    private func walkComponents(_ outline: [UInt8], _ visit: (Int, [UInt8]) -> Void) throws {
        guard outline.count >= 10, Int16(bitPattern: UInt16(outline[0]) << 8 | UInt16(outline[1])) < 0 else { return }
        var offset = 10
        while true {
            guard offset + 4 <= outline.count else { throw Failure.unreadable("a composite glyph is cut short") }
            let flags = UInt16(outline[offset]) << 8 | UInt16(outline[offset + 1])
            visit(offset + 2, outline)
            offset += 4 + (flags & 0x1 != 0 ? 4 : 2)
            if flags & 0x8 != 0 { offset += 2 } else if flags & 0x40 != 0 { offset += 4 } else if flags & 0x80 != 0 { offset += 8 }
            if flags & 0x20 == 0 { break }
        }
    }

    // MARK: - Writing a font file

    private static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted()
        var header = ByteWriter()
        header.u32(0x0001_0000)
        header.u16(tags.count)
        var power = 1
        var log = 0
        while power * 2 <= tags.count {
            power *= 2
            log += 1
        }
        header.u16(power * 16)
        header.u16(log)
        header.u16(tags.count * 16 - power * 16)
        var body: [UInt8] = []
        let start = 12 + 16 * tags.count
        for tag in tags {
            let table = tables[tag] ?? []
            header.bytes += Array(tag.utf8)
            header.u32(Int(checksum(table)))
            header.u32(start + body.count)
            header.u32(table.count)
            body += table
            while body.count % 4 != 0 { body.append(0) }
        }
        return header.bytes + body
    }

    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            var word: UInt32 = 0
            for byte in 0..<4 { word = word << 8 | UInt32(index + byte < bytes.count ? bytes[index + byte] : 0) }
            sum = sum &+ word
            index += 4
        }
        return sum
    }

    private static func tableOffset(in file: [UInt8], _ tag: String) -> Int? {
        let reader = ByteReader(file)
        guard let count = try? reader.u16(4) else { return nil }
        for index in 0..<count {
            let record = 12 + index * 16
            if (try? reader.bytes(record, 4)) == Array(tag.utf8) { return try? reader.u32(record + 8) }
        }
        return nil
    }
}

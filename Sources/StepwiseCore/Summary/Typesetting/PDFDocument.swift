import Foundation

/// A drawing instruction on a PDF page, in points from the bottom-left corner of the page.
enum PDFOp: Equatable {
    /// Text in face `face` (an index into the document's fonts) at `size` points, its
    /// baseline starting at (x, y), in `gray` (0 black, 1 white). Every character must have
    /// a glyph in the face. `actual`, when given, is what the text stands for (for a stand-in
    /// such as "[WHITE HEAVY CHECK MARK]"): readers copy, search and read that aloud (14.9.4).
    case text(x: Double, y: Double, face: Int, size: Double, gray: Double, text: String, actual: String?)
    /// A straight line `width` points wide.
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray: Double)
    /// A rectangle, filled and/or outlined.
    case rect(x: Double, y: Double, width: Double, height: Double, fill: Double?, stroke: Double?, lineWidth: Double)
}

/// Writes pages of `PDFOp`s as a PDF file with the fonts embedded as subsets: each face is a
/// Type 0 font with the `Identity-H` encoding over a CIDFontType2 (ISO 32000-1, 9.7) whose
/// CIDs are the subset's glyph ids, with widths (`/W`) and a `/ToUnicode` CMap (9.10.3) so
/// that the text can be searched, copied and read aloud.
enum PDFDocument {
    /// A4 in points: 210 × 297 mm.
    static let a4 = (width: 595.0, height: 842.0)

    /// Characters drawn with the glyph of another: no-break spaces as spaces.
    static func drawn(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00A0, 0x202F, 0x2007: return " "
        default: return scalar
        }
    }

    /// Format marks that need no glyph: variation selectors, joiners, the BOM.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0x200B...0x200D, 0x2060, 0xFEFF, 0xE0100...0xE01EF: return true
        default: return false
        }
    }

    /// The PDF file. `title` and `language` (BCP 47) go into the document information and
    /// catalog. Throws `TrueTypeFont.Failure` when a font cannot be subset.
    static func write(pages: [[PDFOp]], faces: [TrueTypeFont], title: String, language: String) throws -> Data {
        // Which glyphs each face draws, and the text each glyph stands for.
        var used = Array(repeating: [UInt16: String](), count: faces.count)
        for page in pages {
            for case .text(_, _, let face, _, _, let text, _) in page {
                for scalar in text.unicodeScalars where !isInvisible(scalar) {
                    let shown = drawn(scalar)
                    let glyph = faces[face].glyph(for: shown) ?? 0
                    if used[face][glyph] == nil { used[face][glyph] = String(shown) }
                }
            }
        }
        var writer = PDFWriter()
        let pagesNumber = writer.reserve()
        var fontNumbers: [Int] = []
        var newIDs: [[UInt16: UInt16]] = []
        for (index, font) in faces.enumerated() {
            let (number, ids) = try embed(font, used: used[index], into: &writer)
            fontNumbers.append(number)
            newIDs.append(ids)
        }
        let fontResources = fontNumbers.enumerated().map { "/F\($0.offset) \($0.element) 0 R" }.joined(separator: " ")
        var pageNumbers: [Int] = []
        for page in pages {
            let content = stream(page, faces: faces, newIDs: newIDs)
            let contents = writer.addStream("", content)
            pageNumbers.append(
                writer.add(
                    "<< /Type /Page /Parent \(pagesNumber) 0 R /MediaBox [0 0 \(PDFWriter.number(a4.width)) \(PDFWriter.number(a4.height))] "
                        + "/Resources << /Font << \(fontResources) >> >> /Contents \(contents) 0 R >>"))
        }
        writer.set(
            pagesNumber, "<< /Type /Pages /Kids [\(pageNumbers.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageNumbers.count) >>")
        let root = writer.add(
            "<< /Type /Catalog /Pages \(pagesNumber) 0 R /Lang \(PDFWriter.text(language)) /ViewerPreferences << /DisplayDocTitle true >> >>"
        )
        let info = writer.add("<< /Title \(PDFWriter.text(title)) /Producer (Stepwise) >>")
        return writer.finish(root: root, info: info)
    }

    /// The content stream of one page: one line per instruction.
    private static func stream(_ ops: [PDFOp], faces: [TrueTypeFont], newIDs: [[UInt16: UInt16]]) -> Data {
        var out = PDFBytes(capacity: ops.count * 64)
        for (index, op) in ops.enumerated() {
            if index > 0 { out.append(byte: UInt8(ascii: "\n")) }
            switch op {
            case .text(let x, let y, let face, let size, let gray, let text, let actual):
                if let actual {
                    out.append("/Span << /ActualText ")
                    out.append(text: actual)
                    out.append(" >> BDC ")
                }
                out.append("BT /F")
                out.append(decimal: UInt(face))
                out.append(" ")
                out.append(number: size)
                out.append(" Tf ")
                out.append(number: gray)
                out.append(" g ")
                out.append(number: x)
                out.append(" ")
                out.append(number: y)
                out.append(" Td <")
                let font = faces[face]
                for scalar in text.unicodeScalars where !isInvisible(scalar) {
                    out.append(hex: newIDs[face][font.glyph(for: drawn(scalar)) ?? 0] ?? 0)
                }
                out.append("> Tj ET")
                if actual != nil { out.append(" EMC") }
            case .line(let x1, let y1, let x2, let y2, let width, let gray):
                out.append(number: width)
                out.append(" w ")
                out.append(number: gray)
                out.append(" G ")
                out.append(numbers: [x1, y1])
                out.append("m ")
                out.append(numbers: [x2, y2])
                out.append("l S")
            case .rect(let x, let y, let width, let height, let fill, let stroke, let lineWidth):
                if let stroke {
                    out.append(number: lineWidth)
                    out.append(" w ")
                    out.append(number: stroke)
                    out.append(" G ")
                }
                if let fill {
                    out.append(number: fill)
                    out.append(" g ")
                }
                out.append(numbers: [x, y, width, height])
                switch (fill, stroke) {
                case (.some, .some): out.append("re B")
                case (.some, nil): out.append("re f")
                case (nil, .some): out.append("re S")
                case (nil, nil): out.append("re n")
                }
            }
        }
        return Data(out.bytes)
    }

    /// Adds the Type 0 font for `font` with the glyphs in `used`; returns its object number
    /// and the subset's glyph ids by original glyph id.
    private static func embed(_ font: TrueTypeFont, used: [UInt16: String], into writer: inout PDFWriter) throws -> (Int, [UInt16: UInt16])
    {
        let (file, newIDs) = try font.subset(Set(used.keys))
        let name = subsetTag(newIDs.keys.sorted()) + "+" + font.postScriptName
        let scale = 1000 / Double(font.unitsPerEm)
        let n = PDFWriter.number
        let fontFile = writer.addStream("/Length1 \(file.count)", file)
        let box = font.boundingBox.map { n(Double($0) * scale) }.joined(separator: " ")
        let flags = 32  // nonsymbolic (9.8.2)
        let descriptor = writer.add(
            "<< /Type /FontDescriptor /FontName /\(name) /Flags \(flags) /FontBBox [\(box)] "
                + "/ItalicAngle \(n(font.italicAngle)) /Ascent \(n(Double(font.ascender) * scale)) "
                + "/Descent \(n(Double(font.descender) * scale)) /CapHeight \(n(Double(font.capHeight) * scale)) "
                + "/StemV \(font.isBold ? 140 : 80) /FontFile2 \(fontFile) 0 R >>")
        let byNew = newIDs.sorted { $0.value < $1.value }
        let widths = byNew.map { n(font.width($0.key)) }.joined(separator: " ")
        let cidFont = writer.add(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) "
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                + "/FontDescriptor \(descriptor) 0 R /DW 1000 /W [0 [\(widths)]] /CIDToGIDMap /Identity >>")
        var pairs: [(UInt16, String)] = []
        for (glyph, text) in used.sorted(by: { $0.key < $1.key }) {
            if let id = newIDs[glyph], glyph != 0 { pairs.append((id, text)) }
        }
        let toUnicode = writer.addStream("", unicodeMap(pairs))
        let type0 = writer.add(
            "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H "
                + "/DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        return (type0, newIDs)
    }

    /// A ToUnicode CMap (Adobe Technical Note #5411) from 2-byte codes to UTF-16BE text.
    private static func unicodeMap(_ pairs: [(UInt16, String)]) -> Data {
        var out = PDFBytes(capacity: 400 + pairs.count * 16)
        out.append(
            [
                "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
            ].joined(separator: "\n"))
        var start = 0
        while start < pairs.count {
            let chunk = pairs[start..<min(pairs.count, start + 100)]
            out.append("\n")
            out.append(decimal: UInt(chunk.count))
            out.append(" beginbfchar")
            for (code, text) in chunk {
                out.append("\n<")
                out.append(hex: code)
                out.append("> <")
                out.append(utf16Hex: text)
                out.append(">")
            }
            out.append("\nendbfchar")
            start += 100
        }
        out.append("\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
        return Data(out.bytes)
    }

    /// Six capital letters that name a subset (9.6.4), derived from its glyphs.
    private static func subsetTag(_ glyphs: [UInt16]) -> String {
        var hash = FNV1a.hash(glyphs)
        var tag = ""
        for _ in 0..<6 {
            tag.append(Character(Unicode.Scalar(UInt8(65 + hash % 26))))
            hash /= 26
        }
        return tag
    }
}

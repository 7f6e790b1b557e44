import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The PDF summary's parts: reading and subsetting DejaVu Sans, stand-ins for what it
/// lacks, lines that never break a date, and the layout of page 1 as poppler reads it.
final class PDFTypesettingTests: XCTestCase {
    static func fonts() throws -> SummaryFonts {
        do { return try SummaryFonts.load(regular: SummaryFonts.defaultRegular, bold: SummaryFonts.defaultBold) } catch {
            throw XCTSkip("DejaVu Sans is not installed (fonts-dejavu-core): \(error)")
        }
    }

    /// A font read from a file holds no copy of it: a PDF reads the file again, and a file
    /// changed in place meanwhile (emptied, cut short) is refused with a reason, never read
    /// through a stale mapping (which stopped the program with SIGBUS).
    func testAFontFileChangedInPlaceIsRefusedNotACrash() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: SummaryFonts.defaultRegular))
        let temp = TempStore()
        defer { temp.cleanUp() }
        try FileManager.default.createDirectory(at: temp.url, withIntermediateDirectories: true)
        let url = temp.url.appendingPathComponent("font.ttf")
        try original.write(to: url)
        let font = try TrueTypeFont(contentsOf: url)
        let wanted = Set("Hej".unicodeScalars.compactMap { font.glyph(for: $0) })
        XCTAssertNoThrow(try font.subset(wanted))
        for cut in [0, 3000] {
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(cut))
            try handle.close()
            XCTAssertThrowsError(try font.subset(wanted), "cut to \(cut) bytes") { error in
                guard case TrueTypeFont.Failure.unreadable(let reason) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains("changed since Stepwise started"), reason)
            }
        }
        // Written back as it was, in place: the same font again.
        try original.write(to: url)
        XCTAssertEqual(try font.subset(wanted).font, try TrueTypeFont(data: original).subset(wanted).font)
    }

    func testTheFontIsReadAndASubsetReadsBackWithTheSameWidths() throws {
        let font = try Self.fonts().regular
        XCTAssertEqual(font.postScriptName, "DejaVuSans")
        XCTAssertEqual(font.unitsPerEm, 2048)
        for character in "Aæøåß“○●◐" {
            XCTAssertNotNil(font.glyph(for: character.unicodeScalars.first ?? " "), "DejaVu Sans draws \(character)")
        }
        for scalar in ["\u{2705}", "\u{1F4AA}", "\u{738B}"].compactMap(\.unicodeScalars.first) {
            XCTAssertNil(font.glyph(for: scalar), "DejaVu Sans has no \(scalar)")
        }
        let wanted = Set("Hej Åse, æøå ß".unicodeScalars.compactMap { font.glyph(for: $0) })
        let (file, newIDs) = try font.subset(wanted)
        let subset = try TrueTypeFont(data: file)
        XCTAssertGreaterThanOrEqual(subset.glyphCount, wanted.count + 1)
        XCTAssertLessThan(subset.glyphCount, 40, "only the glyphs used, .notdef and their components")
        XCTAssertLessThan(file.count, 20_000)
        for glyph in wanted {
            let new = try XCTUnwrap(newIDs[glyph])
            XCTAssertEqual(subset.advance(new), font.advance(glyph))
        }
        XCTAssertEqual(newIDs[0], 0, ".notdef stays glyph 0")
    }

    func testWhatTheFontLacksGetsAVisibleStandIn() throws {
        XCTAssertEqual(Typesetter.standIn("✅"), "[WHITE HEAVY CHECK MARK]")
        XCTAssertEqual(Typesetter.standIn("🇩🇰"), "[FLAG DK]")
        XCTAssertEqual(Typesetter.standIn("王"), "[U+738B]")
        XCTAssertEqual(Typesetter.standIn("👍🏽"), "[THUMBS UP SIGN + EMOJI MODIFIER FITZPATRICK TYPE-4]")

        let fonts = try Self.fonts()
        var typesetter = Typesetter(faces: [fonts.regular, fonts.bold])
        let style = TextStyle(face: 0, size: 10, gray: 0)
        let lines = typesetter.lines([("sende den ✅ 💪 til 王芳 og resten 🇩🇰 kommer bagefter", style)], width: 1000)
        let text = lines.flatMap { $0 }.map(\.text).joined()
        XCTAssertEqual(text, "sende den [WHITE HEAVY CHECK MARK] [FLEXED BICEPS] til [U+738B U+82B3] og resten [FLAG DK] kommer bagefter")
        XCTAssertEqual(lines.flatMap { $0 }.compactMap(\.actual), ["✅", "💪", "王芳", "🇩🇰"])
        XCTAssertEqual(typesetter.standIns, ["✅", "💪", "王", "芳", "🇩🇰"])
    }

    func testDatesAndTimesStayOnOneLineAndLongWordsBreak() throws {
        let fonts = try Self.fonts()
        let style = TextStyle(face: 0, size: 10, gray: 0)
        let text = "Mødet er tors. 3. dec. 2026 kl. 10:00 i Jobhuset, og bagefter Do., 3. Dez. 2026 um 10 Uhr, Fri 4 Dec 2026"
        for width in stride(from: 100.0, through: 400, by: 7) {
            var typesetter = Typesetter(faces: [fonts.regular, fonts.bold])
            let lines = typesetter.lines([(text, style)], width: width).map { $0.map(\.text).joined() }
            let joined = lines.joined(separator: "|")
            for unbroken in [
                "tors.\u{A0}3.\u{A0}dec.\u{A0}2026", "kl.\u{A0}10:00", "Do.,\u{A0}3.\u{A0}Dez.\u{A0}2026", "um\u{A0}10\u{A0}Uhr",
                "Fri\u{A0}4\u{A0}Dec\u{A0}2026",
            ] {
                XCTAssertTrue(joined.contains(unbroken), "width \(width): \(joined)")
            }
            for line in typesetter.lines([(text, style)], width: width) {
                XCTAssertLessThanOrEqual(line.last.map { $0.x + $0.width } ?? 0, width + typesetter.width(" ", style) + 0.01)
            }
        }
        var typesetter = Typesetter(faces: [fonts.regular, fonts.bold])
        let long = typesetter.lines([("Arbeitsmarktintegrationsmaßnahmenverordnungsbestimmungen", style)], width: 80)
        XCTAssertGreaterThan(long.count, 2)
        XCTAssertEqual(long.map { $0.map(\.text).joined() }.joined(), "Arbeitsmarktintegrationsmaßnahmenverordnungsbestimmungen")
        for line in long { XCTAssertLessThanOrEqual(line.last.map { $0.x + $0.width } ?? 0, 80.01) }
    }

    /// Page 1 of the long Danish plan as `pdftotext -layout` reads it: the title, the facts,
    /// the headings, the indents and the line breaks guard the layout.
    func testTheLayoutOfPageOne() throws {
        let pdf = try SummaryFixture.summary(language: "da", long: true).pdf(fonts: Self.fonts())
        XCTAssertGreaterThan(pdf.pages, 1)
        let page = try Self.poppler("pdftotext", ["-layout", "-f", "1", "-l", "1"], pdf.data)
        expectSnapshot(page, named: "summary-pdf-page1-da")
    }

    /// The summary tab's preview has the PDF's pages, each with the words poppler reads on
    /// that page of the PDF, and the bars as cells.
    func testThePreviewHasThePagesAndWordsOfThePDF() throws {
        let summary = try SummaryFixture.summary(language: "da", long: true)
        let fonts = try Self.fonts()
        let pdf = try summary.pdf(fonts: fonts)
        let preview = summary.preview(fonts: fonts, columns: 76)
        XCTAssertEqual(preview.count, pdf.pages)
        let pdfPages = try Self.poppler("pdftotext", [], pdf.data).components(separatedBy: "\u{0C}")
        for (index, page) in preview.enumerated() {
            XCTAssertTrue(page.first?.hasSuffix("side \(index + 1) af \(pdf.pages)") ?? false, page.first ?? "")
            for line in page { XCTAssertLessThanOrEqual(line.count, 76, line) }
            let shown = Set(page.joined(separator: " ").split(separator: " "))
            // Stand-ins read differently (poppler gives back the characters they stand for).
            let read = pdfPages[index].split(whereSeparator: { $0.isWhitespace }).filter {
                $0.unicodeScalars.allSatisfy { $0.value < 0x2000 }
            }
            for word in read { XCTAssertTrue(shown.contains(word), "page \(index + 1) of the preview lacks \(word)") }
        }
        XCTAssertTrue(preview.joined().contains { $0.contains("█") && $0.contains("░") }, "the ratings are drawn as bars")
    }

    func testPopplerReadsTheFileWithoutComplaint() throws {
        for language in ["en", "da", "sv", "de"] {
            let pdf = try SummaryFixture.summary(language: language, long: true).pdf(fonts: Self.fonts())
            let info = try Self.poppler("pdfinfo", [], pdf.data)
            XCTAssertTrue(info.contains("Pages:           \(pdf.pages)\n"), info)
            XCTAssertTrue(info.contains("(A4)"), info)
            XCTAssertLessThan(pdf.data.count, 500_000)
            let label = ["en": "page 1 of", "da": "side 1 af", "sv": "sida 1 av", "de": "Seite 1 von"][language] ?? ""
            let text = try Self.poppler("pdftotext", ["-layout"], pdf.data)
            XCTAssertTrue(text.contains("\(label) \(pdf.pages)"), text)
            XCTAssertEqual(text.components(separatedBy: "\u{0C}").count - 1, pdf.pages)
        }
    }

    /// Runs a poppler tool on `pdf`; fails on any message on standard error (a syntax error
    /// in the file, a broken cross-reference table, a font it cannot read).
    static func poppler(_ tool: String, _ arguments: [String], _ pdf: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-pdf-\(UUID().uuidString).pdf")
        try pdf.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/" + tool) else { throw XCTSkip("\(tool) is missing (poppler-utils)") }
        process.arguments = arguments + [url.path] + (tool == "pdftotext" ? ["-"] : [])
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let messages = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, messages)
        XCTAssertEqual(messages, "", "\(tool) complains")
        return String(decoding: output, as: UTF8.self)
    }
}

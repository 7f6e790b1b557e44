import Foundation
import StepwiseCore
import XCTest

/// `stepwise summary ID --format pdf`, read back with poppler as a reader would: A4 pages,
/// the DejaVu subsets embedded, every word of the plan in order (characters the font lacks
/// by name), dates and times unbroken, and the file's size. (The layout of page 1 is
/// guarded on a fixed day in `PDFTypesettingTests`.)
final class SummaryPDFTests: EndToEndTestCase {
    func testThePDFIsA4WithTheFontsEmbeddedAndGivesBackEveryWordInOrder() throws {
        let plan = try PDFPlan.save(in: data)
        let file = root.appendingPathComponent("plan.pdf")
        let result = try stepwise(["summary", plan.id, "--format", "pdf", "--output", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stdout.hasPrefix("wrote the summary of \(plan.id) to \(file.path): pdf, 3 pages, language Danish"),
            result.stdout)
        // The characters DejaVu Sans lacks are named, on standard error.
        for character in ["✅", "💪", "🇩🇰", "王", "芳"] { XCTAssertTrue(result.stderr.contains(character), result.stderr) }
        XCTAssertEqual(try mode(of: file), 0o600)

        let info = try Poppler.run("pdfinfo", [file.path])
        XCTAssertTrue(info.contains("Page size:       595 x 842 pts (A4)"), info)
        XCTAssertTrue(info.contains("Pages:           3\n"), info)
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        XCTAssertLessThan(size, 150_000, "a three-page plan is \(size) bytes")

        let fonts = try Poppler.run("pdffonts", [file.path]).split(separator: "\n").dropFirst(2)
        XCTAssertEqual(fonts.count, 2, "\(fonts)")
        for (line, name) in zip(fonts, ["+DejaVuSans ", "+DejaVuSans-Bold "]) {
            // "ABCDEF+DejaVuSans  CID TrueType  Identity-H  yes yes yes  6  0": embedded, subset, with a ToUnicode map.
            XCTAssertTrue(line.contains(name) && line.contains("CID TrueType") && line.contains("Identity-H"), String(line))
            XCTAssertTrue(line.contains("yes yes yes"), String(line))
            XCTAssertEqual(line.split(separator: "+").first?.count, 6, String(line))
        }

        let text = PDFPlan.withoutHeaders(Poppler.words(try Poppler.run("pdftotext", [file.path, "-"])))
        var rest = Substring(text)
        for expected in plan.inOrder {
            guard let range = rest.range(of: expected) else {
                XCTFail("missing or out of order: \(expected)\n--- text ---\n\(text)")
                break
            }
            rest = rest[range.upperBound...]
        }
    }

    func testDatesAndTimesAreNeverBrokenAcrossLines() throws {
        let plan = try PDFPlan.save(in: data)
        let file = root.appendingPathComponent("plan.pdf")
        XCTAssertEqual(try stepwise(["summary", plan.id, "--format", "pdf", "--output", file.path]).status, 0)
        let lines = try Poppler.run("pdftotext", ["-layout", file.path, "-"]).split(separator: "\n").map { Poppler.words(String($0)) }
        let strings = try Localizer.load(language: "da", resources: E2E.repo.appendingPathComponent("Resources"))
        for offset in PDFPlan.dueDays {
            let date = strings.dayWithWeekday(Day.today.adding(days: offset))
            XCTAssertTrue(lines.contains { $0.contains(date) }, "\(date) is broken across lines:\n\(lines.joined(separator: "\n"))")
        }
        XCTAssertTrue(lines.contains { $0.contains("kl. 10:00") }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.hasSuffix(" kl.") }, lines.joined(separator: "\n"))
    }

    func testAPDFIsNotWrittenToATerminalAndAMissingFontIsNamed() throws {
        let plan = try PDFPlan.save(in: data)
        let file = root.appendingPathComponent("plan.pdf")
        let result = try stepwise(
            ["summary", plan.id, "--format", "pdf", "--output", file.path],
            environment: ["STEPWISE_FONT": "/nonexistent/Font.ttf"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot read the font /nonexistent/Font.ttf"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
        let usage = try stepwise(["summary", plan.id, "--format", "markdown", "--print"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--print prints the PDF"), usage.stderr)
    }

    private func mode(of url: URL) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) & 0o777
    }
}

/// Runs poppler's tools.
enum Poppler {
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try CLI.run(arguments, executable: "/usr/bin/" + tool, environment: ["LANG": "C.UTF-8"])
        guard result.status == 0 else { throw E2EError("\(tool) \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result.stdout
    }

    /// A page drawn as an 8-bit grey image (PGM) at 30 dots per inch.
    struct Image {
        var width: Int
        var height: Int
        var pixels: [UInt8]

        /// The rows that have a pixel darker than middle grey.
        var inkedRows: Set<Int> {
            Set((0..<height).filter { row in pixels[(row * width)..<min(pixels.count, (row + 1) * width)].contains { $0 < 128 } })
        }
    }

    static func grey(_ pdf: URL, page: Int, into folder: URL) throws -> Image {
        let stem = folder.appendingPathComponent("page-\(UUID().uuidString.prefix(8))").path
        _ = try run("pdftoppm", ["-gray", "-r", "30", "-f", String(page), "-l", String(page), "-singlefile", pdf.path, stem])
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: stem + ".pgm")))
        // "P5\nWIDTH HEIGHT\n255\n" then one byte per pixel.
        var fields: [Int] = []
        var index = 2
        while fields.count < 3, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        guard fields.count == 3, bytes.count >= index + 1 + fields[0] * fields[1] else { throw E2EError("pdftoppm wrote no PGM image") }
        return Image(width: fields[0], height: fields[1], pixels: Array(bytes[(index + 1)...]))
    }

    /// Text with every run of white space (line breaks, no-break spaces, form feeds) as one space.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A Danish participant whose plan takes three pages and holds what fonts often lack: æøå,
/// ß, a flag, emoji and a name in Chinese characters; with offers, an appointment and ratings.
enum PDFPlan {
    static let id = "p-pdfplan"
    static let name = "Maja Sørensen-Weiß"
    /// Days from today on which steps are due.
    static let dueDays = [4, 6, 9, 12]

    /// Saves the participant and the offers; returns the id and the texts a reader must find
    /// in this order.
    static func save(in folder: URL) throws -> (id: String, inOrder: [String]) {
        let store = DataStore(root: folder)
        try store.prepare()
        let now = Date()
        let stamp = Stamp(by: "Anna", at: now)
        let today = Day.today
        func words(_ text: String, _ author: Author = .citizen) -> Words { Words(text, author: author, by: "Maja", at: now) }
        var p = Participant(id: id, name: name, language: "da", courseStart: today.adding(days: -30), by: stamp)
        var job = Goal(id: "g-job", kind: .job, text: words("Arbejde på et lager i Århus med æbler og øl, 20 timer om ugen"))
        job.steps = [
            Step(
                id: "s-1", text: words("Skrive til Großhandel Straße om en praktikplads"), who: .me, due: today.adding(days: dueDays[0]),
                status: .doing, on: today),
            Step(id: "s-2", text: words("sende den ✅ 💪 og så videre med resten"), who: .me, due: today.adding(days: dueDays[1]), on: today),
            Step(
                id: "s-3", text: words("Ringe til 王芳 om kurset i dansk 🇩🇰 hver uge"), who: .other("王芳"), due: today.adding(days: dueDays[2]),
                on: today),
            Step(
                id: "s-4", text: words("Øve jobsamtaler på dansk med min mentor"), who: .me, due: today.adding(days: dueDays[3]), on: today),
        ]
        var health = Goal(id: "g-health", kind: .health, text: words("Sove før midnat på hverdage", .coach))
        health.steps = (1...12).map { n in
            Step(
                id: "s-h\(n)", text: words("Skridt \(n): gå en tur på tyve minutter efter aftensmaden sammen med naboen"), who: .me,
                due: nil, on: today)
        }
        p.plan.goals = [job, health]
        var session = CoachingSession(
            id: "x-1", kind: .conversation1, present: [Presence(role: .citizen), Presence(role: .coach)],
            started: Stamp(by: "Anna", at: now.addingTimeInterval(-86_400 * 7)))
        session.ended = now.addingTimeInterval(-86_400 * 7 + 3_600)
        session.next = Appointment(day: today.adding(days: 7), time: "10:00", place: "Jobhuset", contact: "Jeg ringer til Anna om mandagen")
        p.sessions = [session]
        p.ratings = [
            Rating(
                day: today.adding(days: -28), sessionId: nil, scores: ["health": 3, "everyday": 4, "belief": 2], coachBelief: 4,
                stamp: stamp),
            Rating(
                day: today.adding(days: -14), sessionId: nil, scores: ["health": 5, "everyday": 4, "belief": 4], coachBelief: nil,
                stamp: stamp),
            Rating(
                day: today.adding(days: -1), sessionId: nil, scores: ["health": 6, "everyday": 5, "belief": 5], coachBelief: 6, stamp: stamp
            ),
        ]
        try store.save(p)
        let since = now
        var cv = Offer(
            id: "o-cv", title: "CV-værksted på Østergade", kind: "workshop", description: "",
            sessions: [
                OfferSession(day: today.adding(days: 3), start: "10:00", end: "12:00"),
                OfferSession(day: today.adding(days: 10), start: "10:00", end: "12:00"),
            ],
            place: "Jobhuset, Østergade 1", capacity: 12, language: "da")
        cv.booked = [Seat(participantId: id, since: since)]
        var visit = Offer(
            id: "o-visit", title: "Virksomhedsbesøg hos Bageri Øst", kind: "companyVisit", description: "",
            sessions: [OfferSession(day: today.adding(days: 5), start: "09:00", end: "11:30")],
            place: "Bageri Øst, Torvet 2", capacity: 8, language: "da")
        visit.booked = [Seat(participantId: id, since: since)]
        try store.save(cv)
        try store.save(visit)
        var inOrder = [
            "Min plan: " + name, "Om mig", "Arbejde på et lager i Århus med æbler og øl, 20 timer om ugen",
            "Skrive til Großhandel Straße om en praktikplads", "sende den ✅ 💪 og så videre med resten",
            "Ringe til 王芳 om kurset i dansk 🇩🇰 hver uge", "Øve jobsamtaler på dansk med min mentor",
            "Sove før midnat på hverdage",
        ]
        inOrder += (1...12).map { "Skridt \($0): gå en tur på tyve minutter efter aftensmaden sammen med naboen" }
        inOrder += [
            "CV-værksted på Østergade", "Virksomhedsbesøg hos Bageri Øst", "kl. 10:00", "Næste møde med min coach",
            "Jeg ringer til Anna om mandagen", "Sådan går det", "Min godkendelse af planen",
        ]
        return (id, inOrder)
    }
}

extension PDFPlan {
    /// The text without the page headers ("Min plan: … side 2 af 2"), which stand between
    /// the last line of one page and the first of the next.
    static func withoutHeaders(_ text: String) -> String {
        text.replacingOccurrences(of: #"Min plan: \#(name) side \d+ af \d+ "#, with: "", options: .regularExpression)
    }
}

import Foundation
import StepwiseCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The summary tab (5) at the keyboard: the summary in the citizen's language, scrolled line
/// by line and page by page with a line counter that follows; the calendar and the PDF saved
/// to private files that parse; and the PDF printed on a chosen CUPS printer (cups-pdf),
/// arriving whole: the spooled job is byte for byte what `stepwise summary ID --format pdf`
/// writes, and the printout has as many pages. Where CUPS cannot run, only the printing is
/// skipped, with the reason.
final class SummaryTabTests: EndToEndTestCase {
    override class func tearDown() {
        CUPSTestServer.shared.stop()
        super.tearDown()
    }

    private let citizen = "Maja Jensen-Sørensen"
    private let id = "p-summarytab"

    /// A Danish participant with a plan long enough for several pages, beside the demo data.
    private func longDanishPlan() throws {
        let store = DataStore(root: data)
        try store.prepare()
        let stamp = Stamp(by: "Anna", at: Date())
        var participant = Participant(id: id, name: citizen, language: "da", courseStart: .today.adding(days: -30), by: stamp)
        for index in 1...14 {
            var goal = Goal(
                id: "g-\(index)", kind: .job,
                text: Words(
                    "Mål nummer \(index): arbejde på et lager, æøå og “citater”",
                    author: .citizen, by: citizen, at: Date()))
            goal.steps = (1...3).map {
                Step(
                    id: "s-\(index)-\($0)",
                    text: Words("Skridt \($0) mod mål \(index), med mine egne ord", author: .citizen, by: citizen, at: Date()),
                    who: .me, due: nil, status: $0 == 1 ? .done : .planned, on: .today)
            }
            participant.plan.goals.append(goal)
        }
        try store.save(participant)
    }

    /// The line counter at the top right of the summary: (first line, last line, lines, pages).
    private func position(_ screen: String) -> (from: Int, to: Int, of: Int, pages: Int)? {
        let pattern = #"lines ([0-9]+)–([0-9]+) of ([0-9]+) · ([0-9]+) pages?"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen))
        else { return nil }
        let numbers = (1...4).compactMap { Range(match.range(at: $0), in: screen).flatMap { Int(screen[$0]) } }
        guard numbers.count == 4 else { return nil }
        return (numbers[0], numbers[1], numbers[2], numbers[3])
    }

    /// Waits until the counter shows `from`–`to` of `of`; returns the screen.
    @discardableResult
    private func waitForLines(
        _ from: Int, _ to: Int, of total: Int, pages: Int, in tmux: Tmux,
        file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        tmux.waitFor("lines \(from)–\(to) of \(total) · \(pages) page" + (pages == 1 ? "" : "s"), file: file, line: line)
    }

    /// The ids of the jobs CUPS knows for the test queue (pending and completed).
    private func jobIDs() -> Set<Int> {
        let listing = (try? CLI.run(["-W", "all", "-o", CUPSTestServer.queue], executable: "lpstat").stdout) ?? ""
        let prefix = CUPSTestServer.queue + "-"
        return Set(
            listing.split(separator: "\n").compactMap { row -> Int? in
                guard let name = row.split(separator: " ").first, name.hasPrefix(prefix) else { return nil }
                return Int(name.dropFirst(prefix.count))
            })
    }

    func testTheSummaryTabScrollsSavesTheCalendarAndPrints() throws {
        try makeDemo()
        try longDanishPlan()
        let expectedPDF = root.appendingPathComponent("expected.pdf")
        XCTAssertEqual(try stepwise(["summary", id, "--format", "pdf", "--output", expectedPDF.path]).status, 0)
        // The tab shows the PDF's pages.
        let pages = try CUPSTestServer.shared.pageCount(expectedPDF)
        XCTAssertGreaterThan(pages, 1, "the long plan takes more than one page")

        // CUPS is set up first, so that the printer list is there when P asks for it; if it
        // cannot run, the rest of the test still runs and only printing is skipped at the end.
        var printingSkipped: XCTSkip?
        do { try CUPSTestServer.shared.prepare() } catch let skip as XCTSkip { printingSkipped = skip }

        // HOME is a folder of the test's own, where the calendar file is offered.
        let home = root.appendingPathComponent("home", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let run = try startTUI(width: 80, height: 24, environment: ["HOME": home.path])
        let tmux = run.tmux
        tmux.waitFor(participantsLine(added: 1))
        tmux.send("/")
        tmux.waitFor("Search:")
        tmux.type("maja")
        tmux.waitFor(oneMatch(added: 1))
        tmux.send("Enter")
        tmux.waitFor("[1 Plan]")

        // 5: the summary, in Danish although the screens are in English.
        tmux.send("5")
        var screen = tmux.waitFor("[5 Summary]")
        screen = tmux.waitFor("Min plan: \(citizen)")
        XCTAssertTrue(screen.contains("side 1 af \(pages)"), "the first page's header, in Danish:\n\(screen)")
        XCTAssertTrue(screen.contains("Mine mål og skridt") || screen.contains("Min coach"), "the summary is in Danish:\n\(screen)")
        XCTAssertFalse(screen.contains("My plan:"), screen)
        guard let start = position(screen) else { return XCTFail("no line counter on the summary tab:\n\(screen)") }
        XCTAssertEqual(start.from, 1)
        XCTAssertEqual(start.pages, pages, "the counter counts the printed pages")
        let rows = start.to - start.from + 1
        let total = start.of
        XCTAssertGreaterThan(total, rows, "the summary is longer than the screen")

        // Down scrolls one line; PageDown and Space a screen less one line; PageUp back.
        tmux.send("Down")
        screen = waitForLines(2, rows + 1, of: total, pages: pages, in: tmux)
        XCTAssertFalse(screen.contains("side 1 af \(pages)"), "the page header scrolled away:\n\(screen)")
        tmux.send("PageDown")
        waitForLines(2 + rows - 1, 2 * rows, of: total, pages: pages, in: tmux)
        tmux.send("Space")
        waitForLines(2 + 2 * (rows - 1), 3 * rows - 1, of: total, pages: pages, in: tmux)
        tmux.send("PageUp")
        waitForLines(2 + rows - 1, 2 * rows, of: total, pages: pages, in: tmux)
        tmux.send("Up")
        waitForLines(rows, 2 * rows - 1, of: total, pages: pages, in: tmux)

        // c: the calendar, to the file offered in HOME.
        let icsPath = home.appendingPathComponent("stepwise-\(id).ics").path
        tmux.send("c")
        tmux.waitFor("Save the calendar")
        tmux.send("Enter")
        screen = tmux.waitFor("dates to \(icsPath).")
        tmux.waitForGone("Save the calendar")
        let saved = screen.range(of: #"Saved [0-9]+ dates"#, options: .regularExpression)
            .flatMap { Int(screen[$0].split(separator: " ")[1]) }
        XCTAssertNotNil(saved, screen)
        let attributes = try FileManager.default.attributesOfItem(atPath: icsPath)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0, 0o600, "the calendar file is private")
        let parse = try CLI.run(
            [
                "python3", "-c",
                """
                import json, sys, icalendar
                with open(sys.argv[1], "rb") as f:
                    calendar = icalendar.Calendar.from_ical(f.read())
                events = calendar.walk("VEVENT")
                print(json.dumps({"events": len(events), "uids": len({str(e["UID"]) for e in events}),
                                  "starts": sum(1 for e in events if e.get("DTSTART") is not None)}))
                """, icsPath,
            ], executable: "/usr/bin/env", timeout: 30)
        XCTAssertEqual(parse.status, 0, "icalendar cannot read \(icsPath): \(parse.stderr)")
        let parsed = (try? JSONSerialization.jsonObject(with: parse.stdoutData) as? [String: Int]) ?? [:]
        XCTAssertEqual(parsed["events"], saved, "as many events as the message said: \(parse.stdout)")
        XCTAssertEqual(parsed["uids"], parsed["events"], "every event has its own UID")
        XCTAssertEqual(parsed["starts"], parsed["events"], "every event has a start")
        XCTAssertGreaterThan(parsed["events"] ?? 0, 0, "the mandatory conversations are in the calendar")

        // f: the PDF, to the file offered in HOME.
        let pdfPath = home.appendingPathComponent("stepwise-\(id).pdf").path
        tmux.send("f")
        tmux.waitFor("Save the plan as PDF")
        tmux.send("Enter")
        screen = tmux.waitFor("stepwise-\(id).pdf.")
        XCTAssertTrue(screen.contains("The plan is saved as PDF in"), screen)
        let pdfAttributes = try FileManager.default.attributesOfItem(atPath: pdfPath)
        XCTAssertEqual((pdfAttributes[.posixPermissions] as? NSNumber)?.intValue ?? 0, 0o600, "the PDF file is private")
        XCTAssertEqual(
            FileManager.default.contents(atPath: pdfPath), try Data(contentsOf: expectedPDF),
            "the saved PDF is what `stepwise summary \(id) --format pdf` writes")
        XCTAssertEqual(try CUPSTestServer.shared.pageCount(URL(fileURLWithPath: pdfPath)), pages)

        // P: choose the PDF printer, Enter: the summary is sent.
        if printingSkipped == nil {
            let before = jobIDs()
            let started = Date()
            tmux.send("P")
            screen = tmux.waitFor("Which printer?")
            for _ in 0..<12 where !screen.contains("‹ \(CUPSTestServer.queue) ›") {
                tmux.send("Right")
                screen = tmux.waitUntil("another printer is shown") { $0.contains("‹ ") && $0 != screen }
            }
            XCTAssertTrue(screen.contains("‹ \(CUPSTestServer.queue) ›"), "the PDF printer is offered:\n\(screen)")
            tmux.send("Enter")
            screen = tmux.waitFor("Sent to \(CUPSTestServer.queue): \(pages) page\(pages == 1 ? "" : "s").", timeout: 30)
            XCTAssertFalse(screen.contains("Which printer?"), screen)

            var job: Int?
            E2E.poll(timeout: 10) {
                job = jobIDs().subtracting(before).max()
                return job != nil
            }
            if let job {
                // What CUPS spooled is exactly the PDF: nothing cut, nothing added.
                let spooled = try CUPSTestServer.shared.jobFile(job)
                XCTAssertEqual(
                    spooled, try Data(contentsOf: expectedPDF),
                    "the job file differs from what `stepwise summary \(id) --format pdf` writes")
                // The PDF printer made a PDF with as many pages.
                let pdf = try CUPSTestServer.shared.waitForPDF(job: job, after: started)
                XCTAssertEqual(try CUPSTestServer.shared.pageCount(pdf), pages, "\(pdf.path) has another number of pages")
                try? FileManager.default.removeItem(at: pdf)
            } else {
                XCTFail("no new job on \(CUPSTestServer.queue) after printing; jobs before: \(before.sorted())")
            }
        }

        tmux.send("Escape")
        tmux.waitFor(participantsLine(added: 1))
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)

        // The audit log notes the calendar and the print, by id only.
        let audit = (try? String(contentsOf: data.appendingPathComponent("audit.log"), encoding: .utf8)) ?? ""
        let actions = audit.split(separator: "\n").compactMap { line -> String? in
            guard let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                entry["participant"] as? String == id
            else { return nil }
            return entry["action"] as? String
        }
        XCTAssertTrue(actions.contains("calendar"), "\(actions)")
        XCTAssertFalse(audit.contains(citizen), "the audit log names no one")
        if let printingSkipped { throw printingSkipped }
        XCTAssertTrue(actions.contains("printed"), "\(actions)")
    }
}

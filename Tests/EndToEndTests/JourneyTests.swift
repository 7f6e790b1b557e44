import Foundation
import XCTest

/// A coach's ordinary morning: find a citizen, look through the tabs, add a new one.
final class JourneyTests: EndToEndTestCase {
    func testSearchOpenTabsAddQuitAndFindAgain() throws {
        try makeDemo()
        let first = try startTUI()
        let tmux = first.tmux
        tmux.waitFor(participantsLine())
        tmux.waitFor("Coach: Anna")

        // Search without accents: "sor" finds "Søren Ærø Kjærgaard".
        tmux.send("/")
        tmux.waitFor("Search:")
        tmux.type("sor")
        var screen = tmux.waitFor(oneMatch())
        XCTAssertTrue(screen.contains("› Søren Ærø Kjærgaard"), "the match is selected:\n\(screen)")
        XCTAssertFalse(screen.contains("Åsa Lindqvist"), "other names are filtered out:\n\(screen)")

        // Open it: the header names the citizen and the course week.
        tmux.send("Enter")
        screen = tmux.waitFor("[1 Plan]")
        let header = screen.components(separatedBy: "\n").first ?? ""
        XCTAssertTrue(header.contains("Søren Ærø Kjærgaard"), "header: \(header)")
        XCTAssertNotNil(header.range(of: #"week \d+/26"#, options: .regularExpression), "header: \(header)")

        // Tabs by number, then Tab and Shift-Tab (wrapping both ways).
        let titles = ["[1 Plan]", "[2 Offers]", "[3 Notes]", "[4 Progress]", "[5 Summary]", "[6 Jobs]"]
        for (key, title) in [("2", "[2 Offers]"), ("3", "[3 Notes]"), ("4", "[4 Progress]"), ("5", "[5 Summary]"), ("1", "[1 Plan]")] {
            tmux.send(key)
            screen = tmux.waitFor(title)
            for other in titles where other != title {
                XCTAssertFalse(screen.contains(other), "only \(title) is bracketed:\n\(screen)")
            }
        }
        for (key, title) in [
            ("Tab", "[2 Offers]"), ("Tab", "[3 Notes]"), ("BTab", "[2 Offers]"), ("BTab", "[1 Plan]"),
            ("BTab", "[6 Jobs]"), ("Tab", "[1 Plan]"),
        ] {
            tmux.send(key)
            tmux.waitFor(title)
        }

        // Esc goes back to the caseload with everyone listed again: the search ends with the participant.
        tmux.send("Escape")
        tmux.waitFor(participantsLine())

        // Add a participant with a name far from ASCII, starting in two weeks.
        let name = "Zoë Ærøskøbing-Weiß"
        tmux.send("a")
        tmux.waitFor("Add a participant")
        tmux.type(name)
        tmux.waitFor(name)
        tmux.send("Tab")
        tmux.send("C-u")
        tmux.waitForDatePreview(shown: false)
        tmux.type("+2w")
        tmux.waitFor("+2w")
        tmux.waitForDatePreview(shown: true)
        tmux.send("Enter")
        screen = tmux.waitFor(participantsLine(added: 1))
        XCTAssertTrue(screen.contains("› " + name), "the new participant is listed and selected:\n\(screen)")
        XCTAssertTrue(screen.contains("starts in 14 d"), screen)
        XCTAssertFalse(screen.contains("Add a participant"), "the form is closed:\n\(screen)")

        // q quits and the process ends well.
        tmux.send("q")
        XCTAssertEqual(first.waitForExit(), 0)
        XCTAssertTrue(E2E.poll(timeout: 5) { !tmux.exists }, "the terminal closes when stepwise ends")

        // Start again: the name is there (found by a search: the caseload is longer than a screen).
        let second = try startTUI()
        second.tmux.waitFor(participantsLine(added: 1))
        second.tmux.send("/")
        second.tmux.type("zoe")
        second.tmux.waitFor(name)
        second.tmux.send("Escape")
        second.tmux.send("q")
        XCTAssertEqual(second.waitForExit(), 0)

        // On disk: one file with the name and the course start two weeks from today.
        let saved = participantFiles().filter { ($0.object["name"] as? String) == name }
        XCTAssertEqual(saved.count, 1, "exactly one file holds the new name")
        guard let record = saved.first else { return }
        let start = record.object["courseStart"] as? String
        let expected = [E2E.isoDay(addingDays: 14), E2E.isoDay(addingDays: 14, to: Date().addingTimeInterval(-60))]
        XCTAssertTrue(expected.contains(start ?? ""), "courseStart is \(start ?? "missing"), expected \(expected[0])")
        let raw = try String(contentsOf: record.url, encoding: .utf8)
        XCTAssertTrue(raw.contains(name), "the name is written as UTF-8 text in \(record.url.lastPathComponent)")
        XCTAssertEqual(record.object["id"] as? String, record.url.deletingPathExtension().lastPathComponent)
    }
}

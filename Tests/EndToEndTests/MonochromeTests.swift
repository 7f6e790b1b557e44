import Foundation
import XCTest

/// NO_COLOR: no colours at all, while the selection and warnings stay visible by other means.
final class MonochromeTests: EndToEndTestCase {
    /// The colour parameters among the SGR sequences of a captured screen.
    static func colourSequences(_ screen: String) -> [String] {
        var found: [String] = []
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;:]*)m")
        let text = screen as NSString
        for match in pattern.matches(in: screen, range: NSRange(location: 0, length: text.length)) {
            let parameters = text.substring(with: match.range(at: 1))
            let numbers = parameters.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
            if numbers.contains(where: {
                (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0)
            }) {
                found.append("ESC[" + parameters + "m")
            }
        }
        return found
    }

    func testNoColourWithNO_COLOR() throws {
        try makeDemo()
        let run = try startTUI(environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.waitFor("overdue")
        // Screens with the caseload, a warning, the help and a form with an error.
        var screens = [tmux.screen(escapes: true)]
        tmux.send("?")
        tmux.waitFor("Keys")
        screens.append(tmux.screen(escapes: true))
        tmux.send("Escape")
        tmux.waitForGone("Show every key")
        tmux.send("a")
        tmux.waitFor("Add a participant")
        tmux.send("Enter")
        tmux.waitFor("Please write a name.")
        screens.append(tmux.screen(escapes: true))
        tmux.send("Escape")
        let plain = tmux.waitFor("Cancelled; nothing was saved.")
        screens.append(tmux.screen(escapes: true))

        for screen in screens {
            let colours = MonochromeTests.colourSequences(screen)
            XCTAssertEqual(colours, [], "colour escape sequences with NO_COLOR=1:\n\(screen)")
        }
        XCTAssertTrue(plain.contains("› Åsa Lindqvist"), "the selected row is marked by ›:\n\(plain)")
        XCTAssertTrue(plain.contains("⚠ overdue"), "the overdue warning is marked by ⚠:\n\(plain)")
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    /// The same check finds the colours when NO_COLOR is not set (so the check above means something).
    func testColoursWithoutNO_COLOR() throws {
        try makeDemo()
        let run = try startTUI(environment: ["TERM": "xterm-256color"])
        run.tmux.waitFor(participantsLine())
        run.tmux.waitFor("overdue")
        let screen = run.tmux.screen(escapes: true)
        XCTAssertFalse(MonochromeTests.colourSequences(screen).isEmpty, "no colours were found without NO_COLOR:\n\(screen)")
        run.tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }
}

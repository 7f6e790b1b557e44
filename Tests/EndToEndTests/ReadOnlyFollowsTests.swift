import Foundation
import XCTest

/// The second terminal's read-only view of a record says when it was read and follows what
/// the first terminal saves, without a key being pressed.
final class ReadOnlyFollowsTests: EndToEndTestCase {
    private func open(_ search: String, in run: TUIRun) -> String {
        run.tmux.waitFor(participantsLine())
        run.tmux.send("/")
        run.tmux.waitFor("Search:")
        run.tmux.type(search)
        run.tmux.waitFor(oneMatch())
        run.tmux.send("Enter")
        return run.tmux.waitFor("[1 Plan]")
    }

    func testTheReadOnlyViewFollowsTheFileWithoutAKey() throws {
        try makeDemo()
        let first = try startTUI()
        _ = open("sor", in: first)
        let second = try startTUI()
        let screen = open("sor", in: second)
        XCTAssertNotNil(screen.range(of: #"Read only: Anna \(user [^)]+\) has .* as of \d{2}:\d{2}"#, options: .regularExpression), screen)
        second.tmux.send("3")
        second.tmux.waitFor("[3 Notes]")

        first.tmux.send("3")
        first.tmux.waitFor("[3 Notes]")
        first.tmux.send("n")
        first.tmux.waitFor("A new note")
        first.tmux.type("Skrevet ved den første skærm")
        first.tmux.send("Enter")
        first.tmux.waitFor("“Skrevet ved den første skærm”")

        // No key is pressed at the second terminal.
        second.tmux.waitFor("“Skrevet ved den første skærm”")

        for run in [second, first] {
            run.tmux.send("Escape")
            run.tmux.waitFor(participantsLine())
            run.tmux.send("q")
            XCTAssertEqual(run.waitForExit(), 0)
        }
    }
}

import Foundation
import XCTest

/// A caseload left on screen shows a participant that another coach saved meanwhile, without
/// a key: the program looks at `participants/` every few seconds and checks it when it moved.
final class CaseloadFollowsScreenTests: EndToEndTestCase {
    /// The name on the selected row (marked `›`; the name column ends at two spaces).
    static func selectedName(_ screen: String) -> String {
        let row = screen.components(separatedBy: "\n").first { $0.hasPrefix("›") } ?? ""
        return row.dropFirst().trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first ?? ""
    }

    func testAParticipantSavedByAnotherProcessAppearsWithoutAKey() throws {
        try makeDemo()
        guard let model = participantFiles().first else { return XCTFail("no demo participant") }
        let run = try startTUI(width: 80, height: 24)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        // The first row is selected; the new participant's name sorts before it.
        let selectedName = Self.selectedName(tmux.settle(tmux.screen()))
        XCTAssertFalse(selectedName.isEmpty)
        XCTAssertLessThan("Aaron Elsewhere", selectedName)

        // Past the program's first look at the folder, so that a later look sees the save.
        Thread.sleep(forTimeInterval: 2.5)
        // Another process writes a new participant the way Stepwise does: a temporary file in
        // the folder, made 0600, renamed over the record's name.
        var object = model.object
        object["id"] = "p-aaronelsewhere"
        object["name"] = "Aaron Elsewhere"
        let folder = data.appendingPathComponent("participants")
        let temporary = folder.appendingPathComponent(".p-aaronelsewhere.json.tmp")
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: temporary)
        XCTAssertEqual(chmod(temporary.path, 0o600), 0)
        XCTAssertEqual(rename(temporary.path, folder.appendingPathComponent("p-aaronelsewhere.json").path), 0)

        let screen = tmux.waitFor(participantsLine(added: 1))
        XCTAssertTrue(screen.contains("Aaron Elsewhere"), "the new name is on screen without a key:\n\(screen)")
        XCTAssertEqual(Self.selectedName(tmux.settle(screen)), selectedName, "the selection stays on the same participant:\n\(screen)")
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0, tmux.screen())
    }
}

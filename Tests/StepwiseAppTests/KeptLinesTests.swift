import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// The lines the tabs keep between keys (`ParticipantMemo`, `AppState.listed`) are never shown
/// stale: after an edit here, another terminal's change read in while no key comes, a change
/// of the offers or their filter, a resize, and in another language, the screen shows what
/// the record and the offers say now.
final class KeptLinesTests: XCTestCase {
    /// A change saved by another terminal (here: written to the file) reaches the kept lines of
    /// a read-only screen on the plan, notes and progress tabs, without a key.
    func testAnotherTerminalsChangeReplacesTheKeptLines() throws {
        let h = try AppHarness()
        h.open("lena")
        let other = try h.otherTerminal(coach: "Bo", opening: "lena")
        XCTAssertEqual(other.state.open?.isReadOnly, true)
        let id = try XCTUnwrap(h.state.open?.participant.id)
        for (tab, change) in [("1", "Et mål skrevet et andet sted"), ("3", "En note skrevet et andet sted")] {
            other.handle(.char(Character(tab)))
            XCTAssertFalse(other.render().text.contains(change))
            var p = try h.store.loadParticipant(id)
            let words = Words(change, author: .coach, by: "Bo", at: AppHarness.start)
            if tab == "1" {
                p.plan.goals.append(Goal(id: "g-elsewhere", kind: .job, text: words))
            } else {
                p.notes.append(ProgressNote(id: "n-elsewhere", kind: .note, sessionId: nil, tags: [], text: words))
            }
            try h.store.save(p)
            XCTAssertTrue(other.idle(), "the change is read without a key")
            XCTAssertTrue(other.render().text.contains(change), "tab \(tab) shows the change:\n\(other.render().text)")
            other.handle(.down)
            XCTAssertTrue(other.render().text.contains(change), "and still after a key:\n\(other.render().text)")
        }
    }

    /// A goal added here is on the plan at once, and selected; undoing it takes it away.
    func testAnEditHereReplacesTheKeptLines() throws {
        let h = try AppHarness()
        h.open("lena")
        h.press(.down, .down)
        h.press(.char("g"))
        h.type("Et nyt mål på skærmen")
        h.press(.enter)
        XCTAssertTrue(h.row(containing: "Et nyt mål på skærmen").hasPrefix("›"), "shown and selected:\n\(h.screen)")
        h.press(.char("u"))
        XCTAssertFalse(h.screen.contains("Et nyt mål på skærmen"), "undone:\n\(h.screen)")
    }

    /// The offers tab's kept list follows its grouping, a booking's seat count and offers read
    /// afresh.
    func testTheOffersListFollowsTheFilterAndTheSeats() throws {
        let h = try AppHarness()
        h.open("grace")
        h.press(.char("2"))
        let byKind = h.screen
        h.press(.char("G"))
        XCTAssertTrue(h.screen.contains(h.app.env.strings("offers.byDate")), h.screen)
        XCTAssertNotEqual(h.screen, byKind, "grouped by date")
        h.press(.char("G"))
        XCTAssertEqual(h.screen, byKind, "and back by kind")
        let before = try XCTUnwrap(h.state.offers.first { $0.status == .open && $0.title.count < 28 && $0.booked.count > 0 })
        let title = before.title
        var offer = before
        offer.booked.removeLast()
        try h.store.save(offer)
        h.press(.char("1"), .char("2"))
        XCTAssertEqual(h.state.offers.first { $0.id == before.id }?.booked.count, before.booked.count - 1, "read afresh")
        let seats = h.app.env.strings("offers.seatsShort", count: offer.capacity, ["n": String(offer.booked.count), "of": String(offer.capacity)])
        for _ in 0..<60 where !h.row(containing: title).contains(seats) { h.press(.down) }
        XCTAssertTrue(h.row(containing: title).contains(seats), "the new count \(seats):\n\(h.screen)")
    }

    /// After a resize the lines are wrapped to the new width, and back.
    func testAResizeWrapsTheLinesAgain() throws {
        let h = try AppHarness()
        h.open("lena")
        let text = "Et langt mål " + String(repeating: "med mange ord ", count: 6) + "SLUT"
        h.press(.char("g"))
        h.type(text)
        h.press(.enter)
        XCTAssertFalse(h.row(containing: "Et langt mål").contains("SLUT"), "wrapped at 100 columns:\n\(h.screen)")
        h.app.resize(width: 160, height: 60)
        XCTAssertTrue(h.row(containing: "Et langt mål").contains("SLUT"), "one line at 160 columns:\n\(h.screen)")
        h.press(.down)
        XCTAssertTrue(h.row(containing: "Et langt mål").contains("SLUT"), h.screen)
        h.app.resize(width: 100, height: 60)
        XCTAssertFalse(h.row(containing: "Et langt mål").contains("SLUT"), "wrapped again:\n\(h.screen)")
    }

    /// The same state drawn in another language shows that language, not the lines kept in the first.
    func testAnotherLanguageIsNeverShownFromKeptLines() throws {
        let h = try AppHarness()
        h.open("lena")
        let danish = try UIEnvironment.load(
            resources: resourcesURL, language: "da", alsoLoading: Localizer.available(resources: resourcesURL), timeZone: .gmt)
        for (tab, key) in [("1", "plan.aboutMe"), ("2", "offers.byKind"), ("3", "notes.filter.all")] {
            h.press(.char(Character(tab)))
            XCTAssertTrue(h.screen.contains(h.app.env.strings(key)), h.screen)
            let shown = Renderer.render(h.state, env: danish).text
            XCTAssertTrue(shown.contains(danish.strings(key)), "tab \(tab) in Danish:\n\(shown)")
            XCTAssertFalse(shown.contains(h.app.env.strings(key)), "nothing kept in English:\n\(shown)")
        }
    }
}

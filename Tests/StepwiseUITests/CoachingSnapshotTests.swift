import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// The notes, progress and offers tabs, drawn from fixed records.
final class CoachingSnapshotTests: XCTestCase {
    func render(_ state: AppState, _ language: String = "en") -> String {
        Renderer.render(state, env: Fixtures.env(language)).text
    }

    /// Søren after three sessions: notes (one edited), ratings that go up and down, milestones.
    static var sorenWithSessions: Participant {
        var p = Fixtures.sorenWithPlan.participant
        let day1 = Date(timeIntervalSince1970: 1_791_201_600)  // 5 Oct 2026 12:00 UTC
        let day2 = Date(timeIntervalSince1970: 1_793_880_000)  // 5 Nov 2026 10:00 UTC
        let day3 = Date(timeIntervalSince1970: 1_795_000_000)  // 18 Nov 2026
        let coach = Stamp(by: "Anna", at: day1)
        let first = p.startSession(
            kind: .conversation1, present: [Presence(role: .citizen), Presence(role: .coach, name: "Anna"), Presence(role: .peer)],
            stamp: coach, today: Day(iso: "2026-10-05") ?? Fixtures.today)
        p.notes.append(
            ProgressNote(
                id: "n-one", kind: .note, sessionId: first.id, tags: ["jobSearch", "health"],
                text: Words("Søren vil gerne arbejde på lager; ryggen skal skånes.", author: .coach, by: "Anna", at: day1)))
        p.endSession(
            agreements: Words("Søren laver et nyt CV før næste gang.", author: .citizen, by: "Søren", at: day1),
            next: Appointment(
                day: Day(iso: "2026-11-05") ?? Fixtures.today, time: "10:00", place: "Jobhuset", contact: "Anna ringer dagen før"),
            at: day1.addingTimeInterval(3_000))
        let ids = ["health", "everyday", "belief", "cooperation", "jobSearch", "labourMarket", "network", "skills"]
        let rounds = [[3, 4, 2, 6, 2, 3, 5, 6], [5, 4, 4, 5, 4, 3, 6, 6], [6, 5, 6, 5, 6, 4, 4, 7]]
        for (index, (round, at)) in zip(rounds, [day1, day2, day3]).enumerated() {
            p.ratings.append(
                Rating(
                    day: Day(at), sessionId: nil, scores: Dictionary(uniqueKeysWithValues: zip(ids, round)),
                    coachBelief: [3, 5, 6][index], stamp: Stamp(by: "Anna", at: at)))
        }
        var reflection = ProgressNote(
            id: "n-two", kind: .reflection, sessionId: nil, tags: ["network"],
            text: Words("Det var svært at ringe, men jeg gjorde det.", author: .citizen, by: "Søren", at: day2))
        _ = reflection.edit(
            Words("Det var svært at ringe til Coop, men jeg gjorde det – og det gik godt.", author: .citizen, by: "Søren", at: day3),
            tags: ["network", "jobSearch"])
        p.notes.append(reflection)
        p.milestones = [
            Milestone(kind: .cvReady, text: "", day: Day(iso: "2026-11-10") ?? Fixtures.today),
            Milestone(kind: .custom, text: "Første gang på lageret", day: Day(iso: "2026-11-18") ?? Fixtures.today),
        ]
        p.contacts = [Contact(id: "c-gp", kind: .gp, name: "Lægehuset Åbyhøj", phone: "86 15 00 00", email: "")]
        p.contacts[0].consent = [ConsentChange(given: true, day: Day(iso: "2026-10-05") ?? Fixtures.today, stamp: coach)]
        return p
    }

    func state(tab: Tab) -> AppState {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: Self.sorenWithSessions, heldBy: nil)
        state.open?.tab = tab
        return state
    }

    func testNotesTabShowsNotesVersionsAndSessions() {
        var state = state(tab: .notes)
        expectScreenSnapshot(Fixtures.screen(state), named: "notes-tab")
        state.open?.expandedNote = "n-two"
        XCTAssertTrue(render(state).contains("earlier (5 Nov 2026"), render(state))
        _ = Update.handle(.char("f"), state: &state, env: Fixtures.env())
        let filtered = render(state)
        XCTAssertTrue(filtered.contains("notes tagged Health"), filtered)
        XCTAssertFalse(filtered.contains("svært at ringe"), "the reflection has no health tag")
    }

    /// Which notes are shown stays readable in every language at 80 columns, where the
    /// writer line shares the row: the filter's label gives way before its value is cut
    /// ("alle Notizen", not "Angezeigt: alle Not…").
    func testTheNotesFilterIsNotCutAt80Columns() {
        for language in ["en", "da", "sv", "de"] {
            let row = render(state(tab: .notes), language).components(separatedBy: "\n")[ParticipantView.top]
            XCTAssertFalse(row.contains("…"), "\(language): \(row)")
            XCTAssertTrue(row.contains(Fixtures.env(language).strings("notes.filter.all")), "\(language): \(row)")
        }
    }

    func testProgressTabDrawsMovementUpAndDown() {
        let screen = Fixtures.screen(state(tab: .progress))
        let text = screen.text
        expectScreenSnapshot(screen, named: "progress-tab")
        XCTAssertTrue(text.contains("▲6 ■0 ▼2"), "since the start: six up, two down\n\(text)")
        let all = ProgressView.lines(state(tab: .progress).open?.participant ?? Fixtures.soren, env: Fixtures.env(), width: 78)
            .map { $0.segments.map(\.text).joined() }
        let network = all.firstIndex { $0.contains("I have people who back me up") } ?? 0
        XCTAssertTrue(
            all[network + 1].contains(" 5 ") && all[network + 1].hasSuffix("▼ −1 since then")
                && all[network + 2].contains(" 6 ") && all[network + 2].hasSuffix("▼ −2 since then"),
            "network went down from 5 (and from 6 last time) to 4\n" + all.joined(separator: "\n"))
        expectScreenSnapshot(Fixtures.screen(state(tab: .progress), "da"), named: "progress-tab-da")
    }

    func testOffersTabShowsCountsAndTheParticipantsOwnPlace() {
        var state = state(tab: .offers)
        let screen = Fixtures.screen(state)
        let text = screen.text
        expectScreenSnapshot(screen, named: "offers-tab")
        XCTAssertTrue(text.contains("✓  Mentorstøtte"), text)
        XCTAssertTrue(text.contains("◷2 CV-værksted"), "waiting as number 2\n\(text)")
        XCTAssertTrue(text.contains("1/1 seat, 2 waiting"), text)
        _ = Update.handle(.enter, state: &state, env: Fixtures.env())
        let detail = render(state)
        XCTAssertTrue(detail.contains("You are number 2 on the waitlist."), detail)
        XCTAssertFalse(detail.contains("Åsa") || detail.contains("Jürgen"), "no other citizen is named")
    }

    func testPrivacyScreenHidesEverythingUntilTheWordIsTyped() {
        var state = state(tab: .plan)
        let env = Fixtures.env()
        _ = Update.handle(.char("L"), state: &state, env: env)
        let hidden = render(state)
        XCTAssertFalse(hidden.contains("Søren"), hidden)
        XCTAssertTrue(hidden.contains("The screen is hidden"), hidden)
        for key in [Key.char("x"), .enter, .char("q"), .ctrl("c"), .escape] { _ = Update.handle(key, state: &state, env: env) }
        XCTAssertNotNil(state.privacy, "stray keys do not bring it back")
        XCTAssertFalse(state.quitting)
        for c in "open" { _ = Update.handle(.char(c), state: &state, env: env) }
        _ = Update.handle(.enter, state: &state, env: env)
        XCTAssertNil(state.privacy)
        XCTAssertTrue(render(state).contains("Søren"))
    }
}

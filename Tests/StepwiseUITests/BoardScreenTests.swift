import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// The job board screen at 80×24: jobs in deadline order with their status on the fixtures'
/// today (Sunday 22 November 2026) and how many applications link to each, never who.
final class BoardScreenTests: XCTestCase {
    static let posted = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000))

    static func board() -> AppState {
        let day = { (iso: String) in Day(iso: iso) ?? Fixtures.today }
        var filled = BoardJob(
            id: "j-bager", title: "Bagermedhjælper", employer: "Bageriet Ørsted", place: "Køge", hours: "Morgener",
            deadline: day("2026-11-30"),
            posted: posted)
        filled.status = .filled
        let jobs = [
            BoardJob(
                id: "j-lager", title: "Lagermedarbejder", employer: "Coop Lager Køge", place: "Køge", hours: "15-20 timer om ugen",
                deadline: day("2026-12-18"), howToApply: "CV til job@coop.dk, skriv “Stepwise” i emnet", contact: "Lone Berg, 20 30 40 50",
                language: "da", posted: posted),
            BoardJob(
                id: "j-kantine", title: "Køkkenmedhjælper", employer: "Kantinen på Rådhuset", place: "Roskilde",
                deadline: day("2026-11-13"),
                posted: posted),
            filled,
            BoardJob(
                id: "j-cafe", title: "Barista", employer: "Café Solen", place: "Malmö", hours: "deltid", language: "sv", posted: posted),
        ]
        var state = Fixtures.state()
        state.board = BoardState()
        state.jobs = jobs
        state.jobCounts = ["j-lager": 3, "j-bager": 1]
        state.board?.selection = 1
        return state
    }

    func testTheBoardAt80x24InEnglishAndDanish() {
        let state = Self.board()
        XCTAssertEqual(state.context, .board)
        let en = Renderer.render(state, env: Fixtures.env("en")).text
        expectSnapshot(en, named: "board")
        expectSnapshot(Renderer.render(state, env: Fixtures.env("da")).text, named: "board-da")
        let rows = en.components(separatedBy: "\n")
        XCTAssertTrue(rows.contains { $0.contains("Bagermedhjælper") && $0.trimmingCharacters(in: .whitespaces).hasSuffix("filled   1 application") }, en)
        XCTAssertTrue(rows.contains { $0.contains("Lagermedarbejder") && $0.trimmingCharacters(in: .whitespaces).hasSuffix("open     3 applications") }, en)
        XCTAssertTrue(rows.contains { $0.contains("Køkkenmedhjælper") && $0.contains("expired") }, en)
        // The status column is as wide as the language's longest status word: it never runs
        // into the count ("abgelaufen0 Bewerbungen"), and the details name the language.
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            let screen = Renderer.render(state, env: env).text
            for status in BoardJob.Status.allCases {
                let word = env.strings("board.status.\(status.rawValue)")
                XCTAssertFalse(screen.range(of: word + "[0-9]", options: .regularExpression) != nil, "\(language): \(screen)")
            }
            var lager = state
            lager.board?.selection = 2
            let details = Renderer.render(lager, env: env).text
            XCTAssertTrue(details.contains(": " + env.strings.languageName("da")), "\(language): \(details)")
            XCTAssertFalse(details.contains(": da\n"), "\(language): \(details)")
        }
        for name in Fixtures.state().caseload.compactMap({ row -> String? in
            if case .participant(let entry) = row { return entry.name }
            return nil
        }) {
            XCTAssertFalse(en.contains(name), "\(name) on the board")
        }
    }

    func testTheFilterShowsOnlyJobsOfAStatusOrWithCertainWords() {
        var board = BoardState()
        let jobs = Self.board().jobs
        board.status = .expired
        XCTAssertEqual(board.list(jobs, today: Fixtures.today).map(\.id), ["j-kantine"])
        board.status = .open
        XCTAssertEqual(board.list(jobs, today: Fixtures.today).map(\.id), ["j-lager", "j-cafe"])
        board.status = nil
        board.query = "KOGE"
        XCTAssertEqual(board.list(jobs, today: Fixtures.today).map(\.id), ["j-bager", "j-lager"], "case and accents do not matter")
    }
}

import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

final class UpdateTests: XCTestCase {
    let env = Fixtures.env()

    func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { Update.handle($0, state: &state, env: env) }
    }

    func testMovingStaysInsideTheList() {
        var state = Fixtures.state()
        _ = press([.up], &state)
        XCTAssertEqual(state.selection, 0)
        _ = press([.down, .char("j"), .down], &state)
        XCTAssertEqual(state.selection, 3)
        _ = press([.pageDown], &state)
        XCTAssertEqual(state.selection, Fixtures.people.count - 1)
        _ = press([.char("k")], &state)
        XCTAssertEqual(state.selection, Fixtures.people.count - 2)
    }

    func testSearchFoldsCaseAndAccentsAndOpensTheMatch() {
        var state = Fixtures.state()
        _ = press([.char("/"), .char("S"), .char("O"), .char("R")], &state)
        XCTAssertEqual(state.visibleRows.map(\.id), ["p-soren"])
        XCTAssertEqual(press([.enter], &state), [.openParticipant(id: "p-soren")])
        _ = press([.escape], &state)
        XCTAssertNil(state.search)
        XCTAssertEqual(state.visibleRows.count, Fixtures.people.count)
    }

    func testSearchTypesKeysThatAreActionsElsewhere() {
        var state = Fixtures.state()
        XCTAssertEqual(press([.char("/"), .char("q"), .char("a"), .char("?")], &state), [])
        XCTAssertEqual(state.search?.text, "qa?")
        XCTAssertFalse(state.quitting)
        XCTAssertNil(state.form)
        XCTAssertFalse(state.showingHelp)
    }

    func testTabsByNumberAndByTab() {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        _ = press([.char("4")], &state)
        XCTAssertEqual(state.open?.tab, .progress)
        _ = press([.tab, .tab, .tab], &state)
        XCTAssertEqual(state.open?.tab, .plan, "Tab wraps around")
        _ = press([.backTab], &state)
        XCTAssertEqual(state.open?.tab, .jobs)
        _ = press([.char("6")], &state)
        XCTAssertEqual(state.open?.tab, .jobs)
        XCTAssertEqual(press([.escape], &state), [.closeParticipant])
    }

    func testAddParticipantTurnsTypedWordsIntoTheEffect() {
        var state = Fixtures.state()
        _ = press([.char("a")], &state)
        _ = press("Zoë Ærø".map { Key.char($0) }, &state)
        _ = press([.tab, .ctrl("u")] + "+2w".map { Key.char($0) }, &state)
        // The language is chosen by name with → (it stores the code).
        _ = press([.tab], &state)
        for _ in 0..<5 where state.form?.fields.last?.choice != "da" { _ = press([.right], &state) }
        XCTAssertEqual(
            press([.enter], &state), [.addParticipant(name: "Zoë Ærø", courseStart: Fixtures.today.adding(days: 14), language: "da")])
        XCTAssertNil(state.form)
    }

    func testBadInputIsMarkedAndKept() {
        var state = Fixtures.state()
        _ = press([.char("a"), .char(" "), .tab, .ctrl("u")] + "someday".map { Key.char($0) }, &state)
        XCTAssertEqual(press([.enter], &state), [])
        guard let form = state.form else { return XCTFail("the form stays open") }
        // The language is a choice among the languages there are: it cannot be wrong.
        XCTAssertEqual(form.fields.map { $0.error != nil }, [true, true, false])
        XCTAssertEqual(form.focus, 0, "the first bad field gets the focus")
        XCTAssertEqual(form.fields[1].input.text, "someday", "what was typed is kept")
        _ = press([.char("B")], &state)
        XCTAssertNil(state.form?.fields[0].error, "typing in a field clears its message")
    }

    func testEscapeCancelsTheFormAndSaysSo() {
        var state = Fixtures.state()
        XCTAssertEqual(press([.char("a"), .escape], &state), [])
        XCTAssertNil(state.form, "nothing typed: one Esc leaves")
        XCTAssertEqual(state.message?.text, "Cancelled; nothing was saved.")
        XCTAssertEqual(press([.char("a"), .char("X"), .escape], &state), [])
        XCTAssertNotNil(state.form, "something typed: the first Esc asks")
        XCTAssertEqual(press([.escape], &state), [])
        XCTAssertNil(state.form)
        XCTAssertEqual(state.message?.text, "Cancelled; nothing was saved.")
    }

    func testQuitAndInterrupt() {
        var state = Fixtures.state()
        XCTAssertEqual(press([.char("q")], &state), [.quit])
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        XCTAssertEqual(press([.char("q")], &state), [], "q does not quit from a participant")
        XCTAssertEqual(press([.ctrl("c")], &state), [.quit])
    }

    func testHelpOpensAndCloses() {
        var state = Fixtures.state()
        _ = press([.char("?")], &state)
        XCTAssertEqual(state.context, .help)
        _ = press([.escape], &state)
        XCTAssertEqual(state.context, .caseload)
    }
}

final class ActionTableTests: XCTestCase {
    static let languages = ["en", "da", "sv", "de"]

    /// A real state whose `context` is `context`: the switch has no default, so a new context
    /// does not compile until it is walked here too.
    static func state(in context: KeyContext, width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixtures.state(width: width, height: height)
        func open(_ tab: Tab) {
            state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
            state.open?.tab = tab
        }
        switch context {
        case .caseload: break
        case .searching: state.search = TextField("s", maxLength: 100)
        case .plan: open(.plan)
        case .notes: open(.notes)
        case .progress: open(.progress)
        case .offers: open(.offers)
        case .summary: open(.summary)
        case .jobs: open(.jobs)
        case .offerDetail:
            open(.offers)
            state.open?.offerDetail = "o-mentor"
        case .auditLog:
            open(.plan)
            state.open?.auditEntries = []
        case .history:
            open(.plan)
            state.historyBrowser = HistoryBrowser()
        case .form:
            open(.plan)
            state.form = PlanForms.goal(nil)
        case .confirm:
            open(.plan)
            state.confirm = Confirm(purpose: .approve, question: "?")
        case .help: state.showingHelp = true
        case .privacy: state.privacy = TextField(maxLength: 20)
        case .catalogue: state.catalogue = CatalogueState()
        case .catalogueDetail:
            state.catalogue = CatalogueState()
            state.catalogue?.detail = "o-mentor"
        case .attendance:
            state.catalogue = CatalogueState()
            state.catalogue?.sheet = AttendanceSheet(offer: "o-mentor", session: 0)
        case .board: state.board = BoardState()
        case .report: state.report = ReportScreen()
        }
        return state
    }

    func testEveryContextIsReachedByAState() {
        for context in KeyContext.allCases { XCTAssertEqual(Self.state(in: context).context, context) }
    }

    func testNoKeyMeansTwoThingsInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: ActionID] = [:]
            for spec in ActionTable.all where spec.contexts.contains(context) {
                for key in spec.keys {
                    if let other = seen[key], other != spec.id { XCTFail("\(key) is both \(other) and \(spec.id) in \(context)") }
                    seen[key] = spec.id
                }
            }
        }
    }

    func testEveryContextCanQuitRedrawAndHide() {
        for context in KeyContext.allCases {
            XCTAssertEqual(ActionTable.action(for: .ctrl("l"), in: context), .redraw, "\(context)")
            guard context != .privacy else { continue }
            XCTAssertEqual(ActionTable.action(for: .ctrl("c"), in: context), .interrupt, "\(context)")
            let hide = KeyContext.typing.contains(context) ? Key.ctrl("x") : .char("L")
            XCTAssertEqual(ActionTable.action(for: hide, in: context), .hide, "\(context)")
            if !KeyContext.typing.contains(context) && context != .help {
                XCTAssertEqual(ActionTable.action(for: .char("?"), in: context), .help, "\(context)")
            }
        }
    }

    func testEveryActionHasWordsInEveryLanguage() throws {
        for language in Self.languages {
            let strings = Fixtures.env(language).strings
            for spec in ActionTable.all {
                XCTAssertTrue(strings.keys.contains(spec.labelKey), "\(language): \(spec.labelKey)")
                XCTAssertTrue(strings.keys.contains(spec.helpKey), "\(language): \(spec.helpKey)")
            }
        }
    }

    /// On every screen, in every language, at 80 columns: the footer shows every key it lists
    /// (among them `? Help` wherever `?` opens the help), and Esc with its words wherever Esc
    /// does something.
    func testFooterShowsEveryKeyItListsAt80Columns() {
        for language in Self.languages {
            let env = Fixtures.env(language)
            for context in KeyContext.allCases where context != .privacy {
                let footer = Renderer.render(Self.state(in: context), env: env).lines()[23]
                func item(_ spec: ActionSpec) -> String { spec.shownKeys + " " + env.strings(spec.labelKey) }
                for spec in ActionTable.footer(in: context) {
                    XCTAssertTrue(footer.contains(item(spec)), "\(language) \(context): no \(item(spec)) in \(footer)")
                }
                if let escape = ActionTable.all.first(where: { $0.contexts.contains(context) && $0.keys.contains(.escape) }) {
                    XCTAssertTrue(
                        escape.inFooter && escape.shownKeys.contains("Esc") && footer.contains(item(escape)),
                        "\(language) \(context): no Esc in \(footer)")
                }
            }
        }
    }
}

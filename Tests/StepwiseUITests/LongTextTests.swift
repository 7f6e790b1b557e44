import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// Long texts in forms: wrapped at word boundaries, every row reachable with ↑↓, line
/// breaks kept; and pasted text that is only ever text.
final class LongTextTests: XCTestCase {
    let env = Fixtures.env()

    private func rowsText(_ field: TextField, width: Int) -> [String] {
        field.rows(width: width).map { String(field.characters[$0]) }
    }

    func testWrapsAtWordBoundariesWithinTheWidthAndKeepsLineBreaks() {
        let field = TextField("Vi talte om at søge job i Østerbro.\nHun vil prøve en praktik.", multiline: true)
        // 21 columns: 20 for text, the last for the cursor.
        let rows = rowsText(field, width: 21)
        XCTAssertEqual(rows, ["Vi talte om at søge ", "job i Østerbro.", "Hun vil prøve en ", "praktik."])
        for row in rows { XCTAssertLessThanOrEqual(DisplayWidth.of(row.trimmingCharacters(in: .whitespaces)), 20, row) }
        XCTAssertEqual(
            rows.joined(separator: "").replacingOccurrences(of: " ", with: ""),
            field.text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: ""),
            "nothing is lost or doubled")
    }

    func testAWordLongerThanARowIsBrokenAndWideCharactersCountTwoColumns() {
        XCTAssertEqual(rowsText(TextField("abcdefghij", multiline: true), width: 5), ["abcd", "efgh", "ij"])
        // 李小龙 is six columns: one character per row of three columns (two for text).
        XCTAssertEqual(rowsText(TextField("李小龙", multiline: true), width: 3), ["李", "小", "龙"])
        XCTAssertEqual(TextField("", multiline: true).rows(width: 10), [0..<0], "an empty text has one row")
        // Emoji sequences, flags and combining marks are never split, and no row is wider than its room.
        // (👩‍👧 is four columns, as wcswidth counts it, so rows start at five columns.)
        let field = TextField("🇩🇰 👩‍👧 e\u{301} 😀😀😀 ☕ æøå", multiline: true)
        for width in 5...12 {
            let rows = rowsText(field, width: width)
            XCTAssertEqual(rows.joined(), field.text, "width \(width): nothing is lost or split")
            for row in rows {
                XCTAssertLessThanOrEqual(
                    DisplayWidth.of(row.trimmingCharacters(in: .whitespaces)), width - 1,
                    "width \(width): “\(row)”")
            }
        }
    }

    func testUpAndDownMoveByRowToTheNearestColumnWithGraphemeClusters() {
        // Eight columns of text a row: "æøå ", "李小龙 ", "é😀xyz" (é written as e and a combining accent).
        var field = TextField("æøå 李小龙 e\u{301}😀xyz", multiline: true)
        XCTAssertEqual(rowsText(field, width: 9), ["æøå ", "李小龙 ", "e\u{301}😀xyz"])
        XCTAssertEqual(field.cursorPosition(width: 9).row, 2)
        XCTAssertEqual(field.cursorPosition(width: 9).column, 6, "é 1 + 😀 2 + xyz 3 columns")
        XCTAssertTrue(field.moveVertically(-1, width: 9))
        XCTAssertEqual(field.cursorPosition(width: 9).row, 1)
        XCTAssertEqual(field.cursorPosition(width: 9).column, 6, "after 龙, before the space")
        XCTAssertTrue(field.moveVertically(-1, width: 9))
        XCTAssertEqual(field.cursorPosition(width: 9).row, 0)
        XCTAssertEqual(field.cursor, 3, "the end of “æøå”, before the space the row wraps after")
        XCTAssertFalse(field.moveVertically(-1, width: 9), "no row above the first")
        XCTAssertEqual(field.cursor, 3)
        _ = field.handle(.left)
        XCTAssertTrue(field.moveVertically(1, width: 9))
        XCTAssertEqual(field.cursor, 5, "column 2 of 李小龙 is between 李 and 小")
        XCTAssertTrue(field.moveVertically(1, width: 9))
        XCTAssertEqual(field.characters[field.cursor], "😀", "column 2 falls inside 😀 (columns 1-2): before it")
        XCTAssertFalse(field.moveVertically(1, width: 9), "no row below the last")
        _ = field.handle(.backspace)
        XCTAssertEqual(field.text, "æøå 李小龙 😀xyz", "é goes whole, accent and all")
    }

    func testLineBreakKeyHomeEndAndCtrlKWorkWithinALine() {
        var field = TextField("Første", multiline: true)
        XCTAssertTrue(field.handle(.ctrl("j")))
        for c in "anden" { _ = field.handle(.char(c)) }
        XCTAssertEqual(field.text, "Første\nanden")
        _ = field.handle(.home)
        XCTAssertEqual(field.cursor, 7, "Home goes to the start of the line, not of the text")
        _ = field.handle(.backspace)
        XCTAssertEqual(field.text, "Førsteanden", "Backspace at a line's start joins it to the line before")
        var single = TextField("Første")
        XCTAssertFalse(single.handle(.ctrl("j")), "a one-line field takes no line break")
        XCTAssertEqual(single.text, "Første")
    }

    func testPastedTextIsTextLineBreaksKeptOrSpacedControlCharactersDropped() {
        var long = TextField("", multiline: true)
        XCTAssertTrue(long.handle(.paste("Punktlig\r\ngod med tal\rglad 😀\tæøå\u{1B}[2J\n")))
        XCTAssertEqual(long.text, "Punktlig\ngod med tal\nglad 😀 æøå[2J\n")
        var one = TextField("Tags: ")
        XCTAssertTrue(one.handle(.paste("Job\r\nHealth\nq")))
        XCTAssertEqual(one.text, "Tags: Job Health q")
        var limited = TextField(maxLength: 5)
        _ = limited.handle(.paste("abcdefgh"))
        XCTAssertEqual(limited.text, "abcde")
        var suggestion = TextField(suggesting: "today")
        _ = suggestion.handle(.paste("1.12.2026"))
        XCTAssertEqual(suggestion.text, "1.12.2026", "a paste replaces a suggestion as typing does")
    }

    private func openSoren(_ state: inout AppState) {
        state.open = OpenParticipant(participant: Fixtures.sorenWithPlan.participant, heldBy: nil)
    }

    /// The report that opened this: three lines pasted into "Good at"; the second began with
    /// `g` and made a new goal.
    func testThreeLinesPastedIntoGoodAtStayInTheFieldAndMakeNoGoal() {
        var state = Fixtures.state()
        openSoren(&state)
        let goals = state.open?.participant.plan.goals.count
        state.form = PlanForms.about(.goodAt, plan: state.open?.participant.plan ?? Plan())
        state.form?.fields[0].input = TextField("", multiline: true)
        XCTAssertEqual(Update.handle(.paste("Punktlig\ngod med tal\nquit rygning"), state: &state, env: env), [])
        XCTAssertEqual(state.form?.fields[0].input.text, "Punktlig\ngod med tal\nquit rygning")
        XCTAssertEqual(state.open?.participant.plan.goals.count, goals)
        XCTAssertFalse(state.quitting)
        let effects = Update.handle(.enter, state: &state, env: env)
        XCTAssertNil(state.form, "Enter saves")
        XCTAssertEqual(state.open?.participant.plan.aboutMe["goodAt"]?.text, "Punktlig\ngod med tal\nquit rygning")
        XCTAssertEqual(state.open?.participant.plan.goals.count, goals, "no goal was made")
        XCTAssertFalse(effects.isEmpty, "the record is saved")
    }

    func testAPasteWhereNoFieldTakesTextIsLeftOutWithAMessage() {
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            var state = Fixtures.state()
            XCTAssertEqual(Update.handle(.paste("q\n"), state: &state, env: env), [], "q is not run as Quit")
            XCTAssertFalse(state.quitting)
            XCTAssertEqual(state.message?.text, env.strings("message.pasteIgnored"))
            XCTAssertNotEqual(env.strings("message.pasteIgnored"), "message.pasteIgnored")
            openSoren(&state)
            let plan = state.open?.participant.plan
            XCTAssertEqual(Update.handle(.paste("g\na\nd\n"), state: &state, env: env), [])
            XCTAssertNil(state.form, "g is not run as a new goal")
            XCTAssertEqual(state.open?.participant.plan, plan)
        }
        // In the search, a paste is the words to search for.
        var state = Fixtures.state()
        _ = Update.handle(.char("/"), state: &state, env: env)
        _ = Update.handle(.paste("Søren\n"), state: &state, env: env)
        XCTAssertEqual(state.search?.text, "Søren ")
        XCTAssertEqual(state.visibleRows.map(\.id), ["p-soren"])
    }

    func testUpAndDownMoveInsideALongTextThenBetweenFields() {
        var state = Fixtures.state()
        openSoren(&state)
        state.form = CoachingForms.note(nil, writer: .citizen, strings: env.strings)
        let text = String(repeating: "Vi talte om at søge job i Østerbro. ", count: 4)
        _ = Update.handle(.paste(text), state: &state, env: env)
        let layout = FormLayout(state.form!, width: 80, height: 24, strings: env.strings)
        let rows = state.form!.fields[0].input.rows(width: layout.valueWidth).count
        XCTAssertGreaterThan(rows, 2)
        for _ in 1..<rows {
            _ = Update.handle(.up, state: &state, env: env)
            XCTAssertEqual(state.form?.focus, 0, "↑ moves within the text while there is a row above")
        }
        XCTAssertEqual(state.form?.fields[0].input.cursorPosition(width: layout.valueWidth).row, 0)
        _ = Update.handle(.down, state: &state, env: env)
        XCTAssertEqual(state.form?.fields[0].input.cursorPosition(width: layout.valueWidth).row, 1)
        _ = Update.handle(.tab, state: &state, env: env)
        XCTAssertEqual(state.form?.focus, 1, "Tab still moves to the next field")
        _ = Update.handle(.up, state: &state, env: env)
        XCTAssertEqual(state.form?.focus, 0, "↑ from a one-row field moves to the field above")
        _ = Update.handle(.ctrl("j"), state: &state, env: env)
        XCTAssertEqual(state.form?.fields[0].input.text.filter { $0 == "\n" }.count, 1, "Ctrl-J makes a new line")
    }

    /// A long note at 80×24: all of it shows while it is typed and after the focus leaves it.
    func testALongNoteShowsWholeInTheFormAt80x24() {
        let note =
            "Vi talte om, hvordan det går med søvnen og med at komme ud ad døren om morgenen. "
            + "Søren vil gerne prøve en praktik i et køkken 🍳 i næste måned, og han ringer selv til Æblehaven på fredag."
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            var state = Fixtures.state()
            openSoren(&state)
            state.form = CoachingForms.note(nil, writer: .citizen, strings: env.strings)
            _ = Update.handle(.paste(note), state: &state, env: env)
            for focus in [0, 1] {
                state.form?.focus = focus
                let screen = Renderer.render(state, env: env)
                // The rows of the box, without its frame, read as one line.
                let flat = screen.lines().joined(separator: " ").replacingOccurrences(of: "│", with: " ")
                    .split(separator: " ").joined(separator: " ")
                let words = note.split(separator: " ").joined(separator: " ")
                XCTAssertTrue(flat.contains(words), "\(language), focus \(focus): the whole note shows:\n\(screen.text)")
            }
        }
    }

    func testATextTallerThanTheFormScrollsWithTheCursorAndMarksWhatIsHidden() {
        var state = Fixtures.state()
        openSoren(&state)
        state.form = CoachingForms.note(nil, writer: .citizen, strings: env.strings)
        let lines = (1...30).map { "Linje \($0) æøå" }
        _ = Update.handle(.paste(lines.joined(separator: "\n")), state: &state, env: env)
        var screen = Renderer.render(state, env: env)
        XCTAssertTrue(screen.text.contains("Linje 30 æøå"), "the cursor's row shows:\n\(screen.text)")
        XCTAssertFalse(screen.text.contains("Linje 1 æøå"), screen.text)
        XCTAssertTrue(screen.text.contains("↑"), "rows hidden above are marked:\n\(screen.text)")
        XCTAssertEqual(screen.cursor.map { screen.lines()[$0.y].contains("Linje 30") }, true)
        for _ in 0..<29 { _ = Update.handle(.up, state: &state, env: env) }
        screen = Renderer.render(state, env: env)
        XCTAssertTrue(screen.text.contains("Linje 1 æøå"), screen.text)
        XCTAssertTrue(screen.text.contains("↓"), "rows hidden below are marked:\n\(screen.text)")
        XCTAssertEqual(screen.cursor.map { screen.lines()[$0.y].contains("Linje 1 ") }, true)
        XCTAssertTrue(screen.lines()[23].contains("Ctrl-J"), "the footer shows the new-line key:\n\(screen.text)")
    }
}

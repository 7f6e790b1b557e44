import StepwiseCore

/// Boxes drawn over a screen: forms and the help screen.
enum Overlays {
    /// The inside of a box of `width` × `height` on a screen of `screenWidth` × `screenHeight`:
    /// its columns and rows, as `box` returns them.
    static func inside(width: Int, height: Int, screenWidth: Int, screenHeight: Int) -> (width: Int, height: Int) {
        (min(width, screenWidth - 2) - 4, min(height, screenHeight - 4) - 2)
    }

    /// Draws a framed box and returns its inner area (x, y, width, height).
    static func box(_ buffer: inout ScreenBuffer, width: Int, height: Int, title: String) -> (x: Int, y: Int, width: Int, height: Int) {
        // The screen behind is cleared (all but its title bar), so that the box reads alone.
        for row in 1..<max(1, buffer.height - 2) { buffer.fill(y: row, style: .plain) }
        let w = min(width, buffer.width - 2)
        let h = min(height, buffer.height - 4)
        let x = (buffer.width - w) / 2
        let y = max(2, (buffer.height - 2 - h) / 2)
        let horizontal = String(repeating: "─", count: max(0, w - 2))
        buffer.put("┌" + horizontal + "┐", x: x, y: y)
        buffer.put("└" + horizontal + "┘", x: x, y: y + h - 1)
        for row in (y + 1)..<(y + h - 1) {
            buffer.put("│", x: x, y: row)
            buffer.put("│", x: x + w - 1, y: row)
        }
        buffer.put(" " + title + " ", x: x + 2, y: y, style: .heading, limit: w - 4)
        return (x + 2, y + 1, w - 4, h - 2)
    }

    /// A form: each field's label, its input (a long text on as many rows as it needs), and
    /// under it its message or hint. A form taller than the screen scrolls with the focus,
    /// with ↑ and ↓ at the right edge where there is more.
    static func form(_ form: Form, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let layout = FormLayout(form, width: buffer.width, height: buffer.height, strings: s)
        if form.compact {
            compactForm(form, layout: layout, env: env, into: &buffer)
            return
        }
        let area = box(&buffer, width: FormLayout.boxWidth(screen: buffer.width), height: layout.innerHeight + 2, title: s(form.title))
        if let writer = state.open?.writer, form.purpose.takesWords {
            WriterLine.draw(writer, env: env, x: area.x, y: area.y + area.height, into: &buffer)
        }
        let top = area.y + 1
        let valueX = area.x + layout.valueOffset
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.focus
            let first = layout.tops[index]
            if let y = layout.screenRow(first, top: top) {
                buffer.put(
                    (focused ? "› " : "  ") + label(field, s), x: area.x, y: y, style: focused ? .heading : .bold,
                    limit: layout.labelWidth + 2)
            }
            value(
                field, focused: focused, compact: form.compact, rows: first..<(first + layout.valueRows[index]), x: valueX, top: top,
                layout: layout, env: env, into: &buffer)
            let noteTop = first + layout.valueRows[index]
            if field.error == nil, let preview = AddParticipantForm.preview(form, field: index, today: state.today, env: env) {
                guard let noteY = layout.screenRow(noteTop, top: top) else { continue }
                buffer.put(preview, x: valueX, y: noteY, style: .bold, limit: layout.valueWidth)
                continue
            }
            let style: Style = field.error == nil ? .muted : .error
            for (offset, line) in FormLayout.noteLines(field, width: layout.valueWidth, strings: s).enumerated() {
                guard let noteY = layout.screenRow(noteTop + offset, top: top) else { continue }
                buffer.put(line, x: valueX, y: noteY, style: style, limit: layout.valueWidth)
            }
        }
        moreMarks(layout, x: area.x + area.width, top: top, into: &buffer)
    }

    /// A form with one row per field (a long text takes the rows it needs): a label and its
    /// value (a text field, or a choice with numbers drawn as a bar); the focused field's
    /// message or hint is shown below.
    private static func compactForm(_ form: Form, layout: FormLayout, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let area = box(&buffer, width: FormLayout.boxWidth(screen: buffer.width), height: layout.innerHeight + 2, title: s(form.title))
        let top = area.y + 1
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.focus
            let first = layout.tops[index]
            guard layout.screenRow(first, top: top) != nil else {
                value(
                    field, focused: focused, compact: form.compact, rows: first..<(first + layout.valueRows[index]),
                    x: area.x + layout.valueOffset,
                    top: top, layout: layout, env: env, into: &buffer)
                continue
            }
            let style: Style = focused ? Style(bold: true, reverse: true) : .plain
            // The label's lines on the field's rows; where fewer rows are left than it has lines,
            // the last row holds the rest and ends with "…".
            let rows = max(1, layout.valueRows[index])
            var lines = FormLayout.labelLines(field, width: layout.labelWidth, strings: s)
            if lines.count > rows { lines = Array(lines.prefix(rows - 1)) + [lines.dropFirst(rows - 1).joined(separator: " ")] }
            for (offset, line) in lines.enumerated() {
                guard let row = layout.screenRow(first + offset, top: top) else { continue }
                if focused && field.choices != nil { buffer.fill(y: row, from: area.x, to: area.x + area.width, style: style) }
                buffer.put(
                    (focused && offset == 0 ? "› " : "  ") + line, x: area.x, y: row, style: focused ? .heading : .plain,
                    limit: layout.labelWidth - 2)
            }
            value(
                field, focused: focused, compact: form.compact, rows: first..<(first + layout.valueRows[index]),
                x: area.x + layout.valueOffset, top: top,
                layout: layout, env: env, into: &buffer)
        }
        moreMarks(layout, x: area.x + area.width, top: top, into: &buffer)
        let style: Style = FormLayout.message(form, strings: s).isError ? .error : .muted
        for (offset, line) in layout.messageLines.enumerated() {
            buffer.put(line, x: area.x, y: top + layout.shownHeight + 1 + offset, style: style, limit: area.width)
        }
    }

    /// A field's value on the form's rows `rows` (those in view): a choice, a one-line text,
    /// or a long text wrapped over them, with ↑ ↓ beside it where it has more rows than show.
    private static func value(
        _ field: Form.Field, focused: Bool, compact: Bool, rows: Range<Int>, x: Int, top: Int,
        layout: FormLayout, env: UIEnvironment, into buffer: inout ScreenBuffer
    ) {
        let shown = rows.compactMap { layout.screenRow($0, top: top) }
        guard let y = shown.first else { return }
        if let value = field.choice {
            let shownValue: String
            if field.showsBar, let number = Int(value) {
                shownValue =
                    String(repeating: "█", count: number) + String(repeating: "░", count: 10 - number) + " " + String(format: "%2d", number)
            } else if field.showsBar {
                shownValue = env.strings("rating.notRated")
            } else {
                let name =
                    field.choosesLanguage == true
                    ? env.strings.languageName(value)
                    : field.choiceLabels.map { $0[min(field.chosen, $0.count - 1)] } ?? env.strings((field.choicePrefix ?? "") + value)
                shownValue = "‹ " + name + " ›"
            }
            let style: Style = focused ? Style(bold: true, reverse: true) : compact ? .plain : .bold
            buffer.put(DisplayWidth.truncate(shownValue, to: layout.valueWidth), x: x, y: y, style: style)
        } else if field.input.isMultiline {
            // A long text partly scrolled out of the form shows its rows that are in view.
            let hiddenAbove = max(0, layout.scroll - rows.lowerBound)
            let hidden = field.input.render(
                into: &buffer, x: x, y: y, width: layout.valueWidth, height: shown.count, focused: focused,
                firstRow: focused ? nil : hiddenAbove)
            if hidden.above > 0 { buffer.put("↑", x: x + layout.valueWidth, y: y, style: .bold) }
            if hidden.below > 0, let last = shown.last { buffer.put("↓", x: x + layout.valueWidth, y: last, style: .bold) }
        } else {
            field.input.render(into: &buffer, x: x, y: y, width: layout.valueWidth, focused: focused)
        }
    }

    /// ↑ at the top and ↓ at the bottom of the fields, at column `x`, where the form has more
    /// rows than show.
    private static func moreMarks(_ layout: FormLayout, x: Int, top: Int, into buffer: inout ScreenBuffer) {
        if layout.scroll > 0 { buffer.put("↑", x: x, y: top, style: .bold) }
        if layout.scroll + layout.shownHeight < layout.fieldsHeight { buffer.put("↓", x: x, y: top + layout.shownHeight - 1, style: .bold) }
    }

    /// A field's label: a string-table key, or words given as they are after "indicator:".
    static func label(_ field: Form.Field, _ s: Localizer) -> String {
        field.label.hasPrefix("indicator:") ? String(field.label.dropFirst("indicator:".count)) : s(field.label)
    }

    /// A yes-or-no question.
    static func confirm(_ confirm: Confirm, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let lines = DisplayWidth.wrap(confirm.question, width: 60)
        let area = box(&buffer, width: 66, height: lines.count + 4, title: env.strings("confirm.title"))
        for (offset, line) in lines.enumerated() { buffer.put(line, x: area.x, y: area.y + 1 + offset, style: .bold) }
    }

    /// One line of the help screen: the keys (on an action's first line only) and its words.
    struct HelpLine: Equatable {
        var keys: String
        var text: String
    }

    /// The help box's inner width on a screen `width` columns wide (the box spans the window).
    private static func helpWidth(_ width: Int) -> Int { max(1, width - 6) }

    /// How many help lines fit at once on a screen `height` rows high.
    static func helpRows(height: Int) -> Int { max(1, height - 7) }

    /// The width of the keys column: the widest keys and two spaces, at most 16 columns.
    private static func keyWidth(_ specs: [ActionSpec]) -> Int { min(16, (specs.map { DisplayWidth.of($0.keysText) }.max() ?? 6) + 2) }

    /// Every action of `context` with what it does there, its words wrapped to the box.
    static func helpLines(behind context: KeyContext, width: Int, env: UIEnvironment) -> [HelpLine] {
        let specs = ActionTable.help(in: context)
        let keyWidth = keyWidth(specs)
        let textWidth = max(1, helpWidth(width) - keyWidth)
        return specs.flatMap { spec in
            DisplayWidth.wrap(env.strings(spec.helpKey), width: textWidth).enumerated().map { offset, text in
                HelpLine(keys: offset == 0 ? spec.keysText : "", text: text)
            }
        }
    }

    /// The furthest the help can scroll: its last line at the bottom of the box.
    static func helpLastScroll(behind context: KeyContext, width: Int, height: Int, env: UIEnvironment) -> Int {
        max(0, helpLines(behind: context, width: width, env: env).count - helpRows(height: height))
    }

    /// The help screen: every action of the screen underneath, from the action table, scrolled
    /// to line `scroll`; when not all lines fit, the bottom border says which are shown.
    static func help(behind context: KeyContext, scroll: Int, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let lines = helpLines(behind: context, width: buffer.width, env: env)
        let rows = helpRows(height: buffer.height)
        let area = box(&buffer, width: buffer.width - 2, height: lines.count + 4, title: env.strings("help.title"))
        let keyWidth = keyWidth(ActionTable.help(in: context))
        let first = max(0, min(scroll, lines.count - rows))
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            let y = area.y + 1 + offset
            buffer.put(line.keys, x: area.x, y: y, style: .bold, limit: keyWidth - 1)
            buffer.put(line.text, x: area.x + keyWidth, y: y, limit: area.width - keyWidth)
        }
        guard lines.count > rows else { return }
        let position =
            " "
            + env.strings(
                "help.position",
                [
                    "from": String(first + 1), "to": String(min(lines.count, first + rows)),
                    "of": String(lines.count),
                ]) + " "
        buffer.put(position, x: area.x + area.width - DisplayWidth.of(position), y: area.y + area.height, style: .muted)
    }
}

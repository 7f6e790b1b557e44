import StepwiseCore

/// Boxes drawn over a screen: forms and the help screen.
enum Overlays {
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

    /// A form: each field's label, its input, and under it its message or hint.
    static func form(_ form: Form, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        if form.compact {
            compactForm(form, env: env, into: &buffer)
            return
        }
        let s = env.strings
        let area = box(&buffer, width: 78, height: form.fields.count * 3 + 3, title: s(form.title))
        let labelWidth = form.fields.map { DisplayWidth.of(label($0, s)) }.max().map { $0 + 2 } ?? 10
        for (index, field) in form.fields.enumerated() {
            let y = area.y + 1 + index * 3
            let focused = index == form.focus
            buffer.put((focused ? "› " : "  ") + label(field, s), x: area.x, y: y, style: focused ? .heading : .bold)
            if let value = field.choice, let prefix = field.choicePrefix {
                let name = field.choiceLabels.map { $0[min(field.chosen, $0.count - 1)] } ?? s(prefix + value)
                let text = DisplayWidth.truncate("‹ " + name + " ›", to: area.width - labelWidth - 2)
                buffer.put(text, x: area.x + labelWidth + 2, y: y, style: focused ? Style(bold: true, reverse: true) : .bold)
            } else {
                field.input.render(into: &buffer, x: area.x + labelWidth + 2, y: y,
                                   width: area.width - labelWidth - 2, focused: focused)
            }
            let noteX = area.x + labelWidth + 2
            if let error = field.error {
                buffer.put("⚠ " + error, x: noteX, y: y + 1, style: .error, limit: area.width - labelWidth - 2)
            } else if let preview = AddParticipantForm.preview(form, field: index, today: state.today, env: env) {
                buffer.put(preview, x: noteX, y: y + 1, style: .bold, limit: area.width - labelWidth - 2)
            } else if let hint = field.hint {
                buffer.put(s(hint, ["list": env.languages.joined(separator: ", ")]), x: noteX, y: y + 1, style: .muted, limit: area.width - labelWidth - 2)
            }
        }
    }

    /// A form with one row per field: a label and its value (a text field, or a choice with
    /// numbers drawn as a bar); the focused field's message or hint is shown below.
    private static func compactForm(_ form: Form, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let area = box(&buffer, width: 78, height: form.fields.count + 5, title: s(form.title))
        let hasText = form.fields.contains { $0.choices == nil }
        let labelWidth = hasText ? min(24, (form.fields.map { DisplayWidth.of(label($0, s)) }.max() ?? 10) + 3) : area.width - 16
        let valueWidth = area.width - labelWidth
        for (index, field) in form.fields.enumerated() {
            let y = area.y + 1 + index
            let focused = index == form.focus
            let style: Style = focused ? Style(bold: true, reverse: true) : .plain
            if focused && field.choices != nil { buffer.fill(y: y, from: area.x, to: area.x + area.width, style: style) }
            buffer.put((focused ? "› " : "  ") + label(field, s), x: area.x, y: y, style: focused ? .heading : .plain, limit: labelWidth - 1)
            guard let value = field.choice else {
                field.input.render(into: &buffer, x: area.x + labelWidth, y: y, width: valueWidth, focused: focused)
                continue
            }
            let shown: String
            if field.showsBar, let number = Int(value) {
                shown = String(repeating: "█", count: number) + String(repeating: "░", count: 10 - number) + " " + String(format: "%2d", number)
            } else if field.showsBar {
                shown = s("rating.notRated")
            } else {
                shown = "‹ " + (field.choiceLabels.map { $0[min(field.chosen, $0.count - 1)] } ?? s((field.choicePrefix ?? "") + value)) + " ›"
            }
            buffer.put(shown, x: area.x + labelWidth, y: y, style: style, limit: valueWidth)
        }
        let noteY = area.y + form.fields.count + 2
        if let bad = form.fields.first(where: { $0.error != nil }), let error = bad.error {
            buffer.put("⚠ " + label(bad, s) + ": " + error, x: area.x, y: noteY, style: .error, limit: area.width)
        } else if form.fields.indices.contains(form.focus), let hint = form.fields[form.focus].hint, form.fields[form.focus].choices == nil {
            buffer.put(s(hint), x: area.x, y: noteY, style: .muted, limit: area.width)
        } else {
            buffer.put(s(hasText ? "form.compact.hint" : "rating.hint"), x: area.x, y: noteY, style: .muted, limit: area.width)
        }
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
        let position = " " + env.strings("help.position", ["from": String(first + 1), "to": String(min(lines.count, first + rows)),
                                                           "of": String(lines.count)]) + " "
        buffer.put(position, x: area.x + area.width - DisplayWidth.of(position), y: area.y + area.height, style: .muted)
    }
}

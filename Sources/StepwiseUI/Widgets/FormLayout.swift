import StepwiseCore

/// Where the parts of a form go on a screen of a given size: the columns of labels and
/// values, how many rows each field's value takes (a long text as many as it needs, one
/// for anything else), and which rows show when the form is taller than the screen. The
/// drawing (``Overlays``) and the keys that move by row in a long text both use it, so a
/// row on screen is a row to ↑↓.
struct FormLayout: Equatable {
    /// The box's width on a screen `width` columns wide: 78 at 80 columns, and nine tenths
    /// of a wider screen (90 at 100, 118 at 132), at most 120.
    static func boxWidth(screen width: Int) -> Int { min(120, max(78, width * 9 / 10)) }

    /// Columns a compact form's values keep, at the least, when its labels are long.
    static let valueRoom = 40

    /// Columns of a compact form's label column that are not the label: the focus mark and a
    /// space before it, and two spaces after it, so that a label never runs into its value.
    static let labelMargin = 4

    /// The box's inner width (within its frame and margins).
    let innerWidth: Int
    /// Columns of the labels.
    let labelWidth: Int
    /// Where values start, from the inner area's left edge, and how wide they are.
    let valueOffset: Int
    let valueWidth: Int
    /// Rows of each field's value.
    let valueRows: [Int]
    /// A full form: rows of the note under each field (its message or hint, wrapped to the
    /// value column). A compact form: one row per field (its note is the form's message).
    let noteRows: [Int]
    /// A compact form's message below the fields, wrapped to the inner width (empty for a full form).
    let messageLines: [String]
    /// First row of each field, counted from the first row of fields.
    let tops: [Int]
    /// Rows all fields take, and rows that show (the rest scrolls).
    let fieldsHeight: Int
    let shownHeight: Int
    /// The first row of fields that shows.
    let scroll: Int
    /// Rows of the inner area: fields plus the margin above and (compact) the message below.
    let innerHeight: Int

    /// The layout of `form` on a `width`×`height` screen, labels in `strings`' language.
    init(_ form: Form, width: Int, height: Int, strings: Localizer) {
        innerWidth = max(1, min(FormLayout.boxWidth(screen: width), width - 2) - 4)
        let labels = form.fields.map { DisplayWidth.of(Overlays.label($0, strings)) }
        if form.compact {
            let hasText = form.fields.contains { $0.choices == nil }
            // The label column is as wide as the longest label (with the focus mark and two
            // spaces), so that each reads whole on its row, as long as the values keep 40 columns.
            labelWidth =
                hasText
                ? min(max(24, innerWidth - FormLayout.valueRoom), (labels.max() ?? 10) + FormLayout.labelMargin)
                : innerWidth - 16
            valueOffset = labelWidth
        } else {
            labelWidth = labels.max().map { $0 + 2 } ?? 10
            valueOffset = labelWidth + 2
        }
        let valueWidth = max(2, innerWidth - valueOffset)
        self.valueWidth = valueWidth
        // Rows around the fields: the margin above, and for a compact form an empty row and
        // the message below; a full form gives each field the rows of its note and an empty one.
        // A note or message too long for its width wraps onto the rows below instead of being cut.
        messageLines = form.compact ? DisplayWidth.wrap(FormLayout.message(form, strings: strings).text, width: innerWidth) : []
        noteRows = form.fields.map { form.compact ? 0 : FormLayout.noteLines($0, width: valueWidth, strings: strings).count }
        let overhead = form.compact ? 2 + messageLines.count : 1
        let perField = noteRows.map { form.compact ? 0 : $0 + 1 }
        let available = max(1, height - 6 - overhead)
        // A label too long for its column (a rating statement in German at 80 columns) wraps
        // onto the rows below it instead of being cut.
        let labelWidth = self.labelWidth
        let wanted = form.fields.map { field in
            max(
                field.choices == nil && field.input.isMultiline ? field.input.rows(width: valueWidth).count : 1,
                form.compact ? FormLayout.labelLines(field, width: labelWidth, strings: strings).count : 1)
        }
        var rows = wanted
        if wanted.reduce(0, +) + perField.reduce(0, +) > available {
            // Each long text gets one row; then the focused field as many as it needs, then the others in order.
            rows = wanted.map { _ in 1 }
            var left = available - perField.reduce(0, +) - rows.count
            for index in [form.focus] + wanted.indices.filter({ $0 != form.focus }) where wanted.indices.contains(index) && left > 0 {
                let more = min(left, wanted[index] - 1)
                rows[index] += more
                left -= more
            }
        }
        valueRows = rows
        var top = 0
        var tops: [Int] = []
        for (count, below) in zip(rows, perField) {
            tops.append(top)
            top += count + below
        }
        self.tops = tops
        fieldsHeight = top
        shownHeight = min(fieldsHeight, available)
        innerHeight = shownHeight + overhead
        // The focused field, with its message, stays in view.
        if form.fields.indices.contains(form.focus) {
            let bottom = tops[form.focus] + rows[form.focus] + (form.compact ? 0 : noteRows[form.focus])
            scroll = min(tops[form.focus], max(0, bottom - shownHeight))
        } else {
            scroll = 0
        }
    }

    /// A compact form's label broken into lines that fit its column of `width` (less the
    /// focus mark and the two spaces after the label, `labelMargin`).
    static func labelLines(_ field: Form.Field, width: Int, strings: Localizer) -> [String] {
        DisplayWidth.wrap(Overlays.label(field, strings), width: max(1, width - labelMargin))
    }

    /// The note under a full form's field, wrapped to the value column's `width`: its message
    /// after "⚠ ", else its hint, else one empty line.
    static func noteLines(_ field: Form.Field, width: Int, strings: Localizer) -> [String] {
        let note = field.error.map { "⚠ " + $0 } ?? field.hint.map { strings($0) } ?? ""
        return DisplayWidth.wrap(note, width: width)
    }

    /// A compact form's message below its fields: the form's own note, else the first field's
    /// message (with its label), else the focused text field's hint, else how to use the form;
    /// and whether it is a message.
    static func message(_ form: Form, strings s: Localizer) -> (text: String, isError: Bool) {
        if let note = form.note { return ("⚠ " + note, true) }
        if let bad = form.fields.first(where: { $0.error != nil }), let error = bad.error {
            return ("⚠ " + Overlays.label(bad, s) + ": " + error, true)
        }
        if form.fields.indices.contains(form.focus), let hint = form.fields[form.focus].hint, form.fields[form.focus].choices == nil {
            return (s(hint), false)
        }
        return (s(form.fields.contains { $0.choices == nil } ? "form.compact.hint" : "rating.hint"), false)
    }

    /// The screen row of row `row` of the fields (counted as `tops` are), or nil when it is scrolled out of view.
    func screenRow(_ row: Int, top: Int) -> Int? {
        let shown = row - scroll
        return shown >= 0 && shown < shownHeight ? top + shown : nil
    }
}

extension Form {
    /// ↑ or ↓ in a long text moves the cursor a row up or down in the field as `layout`
    /// draws it; returns false when the focused field is not a long text or the cursor is
    /// already on its first or last row (then the key moves between fields).
    mutating func moveCursorVertically(_ key: Key, layout: FormLayout) -> Bool {
        guard key == .up || key == .down, fields.indices.contains(focus), fields[focus].choices == nil,
            fields[focus].input.isMultiline
        else { return false }
        return fields[focus].input.moveVertically(key == .up ? -1 : 1, width: layout.valueWidth)
    }
}

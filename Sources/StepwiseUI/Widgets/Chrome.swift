import StepwiseCore

/// The parts every screen shares: the title bar, the message line and the footer of keys.
enum Chrome {
    /// The first of `texts` (longest first) that fits in `width` columns, else the last: a
    /// header row that has no room for a second line says less rather than cut its words.
    static func fitting(_ texts: [String], width: Int) -> String {
        texts.first { DisplayWidth.of($0) <= width } ?? texts.last ?? ""
    }

    /// A reversed bar across row `y` with text at the left and at the right.
    static func titleBar(_ buffer: inout ScreenBuffer, y: Int, left: String, right: String) {
        let style = Style(bold: true, reverse: true)
        buffer.fill(y: y, style: style)
        let rightWidth = DisplayWidth.of(right)
        let leftRoom = max(0, buffer.width - rightWidth - 3)
        buffer.put(" " + DisplayWidth.truncate(left, to: leftRoom), x: 0, y: y, style: style)
        if rightWidth + 2 < buffer.width { buffer.put(right, x: buffer.width - rightWidth - 1, y: y, style: style) }
    }

    /// The message in the second-to-last row: errors marked with "⚠" as well as colour.
    /// A message too long for one row takes the row above as well; a third row is cut, so
    /// messages are written to fit two (`FormMessagesFitTests`).
    static func message(_ buffer: inout ScreenBuffer, _ message: Message?) {
        guard let message else { return }
        let text = message.kind == .error ? "⚠ " + message.text : message.text
        let lines = Array(DisplayWidth.wrap(text, width: max(1, buffer.width - 2)).prefix(2))
        let style: Style = message.kind == .error ? .error : .bold
        for (offset, line) in lines.enumerated() {
            let y = buffer.height - 1 - lines.count + offset
            buffer.fill(y: y, style: .plain)
            buffer.put(" " + line, x: 0, y: y, style: style)
        }
    }

    /// The last row: the keys of the current context, from the action table, in table order,
    /// but for those in `hiding` (keys that do nothing where the focus is). Items are two
    /// spaces apart, or one where that lets every item fit (each key stands out in reverse
    /// video). The help key, Esc and `q` are always shown; when the row is still too narrow,
    /// the other items that no longer fit are left out (earlier rows of the table keep their
    /// room first). `labels` names an action by another string where it does something else
    /// on this screen (Enter in a filter form shows, in a chooser opens).
    static func footer(
        _ buffer: inout ScreenBuffer, context: KeyContext, hiding: Set<ActionID> = [], labels: [ActionID: String] = [:], env: UIEnvironment
    ) {
        let y = buffer.height - 1
        let specs = ActionTable.footer(in: context).filter { !hiding.contains($0.id) }
        let essential = ActionTable.essential(in: context).map(\.id)
        func label(_ spec: ActionSpec) -> String { env.strings(labels[spec.id] ?? spec.labelKey) }
        func width(_ spec: ActionSpec, gap: Int) -> Int { DisplayWidth.of(spec.shownKeys) + 1 + DisplayWidth.of(label(spec)) + gap }
        // The row starts at column 1; the last item's gap may fall off the edge.
        func room(gap: Int) -> Int { buffer.width - 1 + gap }
        let gap = specs.reduce(0) { $0 + width($1, gap: 2) } <= room(gap: 2) ? 2 : 1
        var left = room(gap: gap) - specs.filter { essential.contains($0.id) }.reduce(0) { $0 + width($1, gap: gap) }
        let shown = specs.filter { spec in
            if essential.contains(spec.id) { return true }
            guard width(spec, gap: gap) <= left else { return false }
            left -= width(spec, gap: gap)
            return true
        }
        var x = 1
        for spec in shown {
            x += buffer.put(spec.shownKeys, x: x, y: y, style: Style(bold: true, reverse: true))
            x += buffer.put(" " + label(spec) + String(repeating: " ", count: gap), x: x, y: y)
        }
    }
}

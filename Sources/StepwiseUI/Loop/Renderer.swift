import StepwiseCore

/// The pure rendering: a state becomes a grid of cells.
public enum Renderer {
    /// The smallest size the screens are laid out for.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    /// Whether the screens can be drawn at this size (else only "too small" is shown).
    public static func fits(width: Int, height: Int) -> Bool { width >= minimumWidth && height >= minimumHeight }

    /// Draws `state` into a new buffer of the state's size.
    public static func render(_ state: AppState, env: UIEnvironment) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        if let typed = state.privacy {
            privacy(typed, env: env, into: &buffer)
            return buffer
        }
        guard fits(width: state.width, height: state.height) else {
            tooSmall(state, env: env, into: &buffer)
            return buffer
        }
        if let open = state.open {
            ParticipantView.render(open, state: state, env: env, into: &buffer)
        } else if let board = state.board {
            BoardView.render(board, state: state, env: env, into: &buffer)
        } else if let report = state.report {
            ReportView.render(report, state: state, env: env, into: &buffer)
        } else if let catalogue = state.catalogue {
            CatalogueView.render(catalogue, state: state, env: env, into: &buffer)
        } else {
            CaseloadView.render(state, env: env, into: &buffer)
        }
        if let browser = state.historyBrowser, let open = state.open {
            HistoryView.render(browser, open: open, state: state, env: env, into: &buffer)
        }
        if let confirm = state.confirm {
            Overlays.confirm(confirm, env: env, into: &buffer)
        }
        if let form = state.form {
            Overlays.form(form, state: state, env: env, into: &buffer)
        }
        if state.showingHelp {
            var behind = state
            behind.showingHelp = false
            Overlays.help(behind: behind.context, scroll: state.helpScroll, env: env, into: &buffer)
        }
        Chrome.message(&buffer, state.message)
        // The key for a new line shows while a long text has the focus.
        let inLongText = state.form.map { $0.fields.indices.contains($0.focus) && $0.fields[$0.focus].input.isMultiline } ?? false
        let submit = state.form.map { [ActionID.submit: $0.purpose.submitLabel] } ?? [:]
        Chrome.footer(&buffer, context: state.context, hiding: inLongText ? [] : [.newLine], labels: submit, env: env)
        return buffer
    }

    /// The privacy screen: nothing of the record, only how to come back.
    private static func privacy(_ typed: TextField, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let lines = DisplayWidth.wrap(env.strings("privacy.text", ["word": env.strings("privacy.word")]), width: max(1, buffer.width - 4))
        let top = max(0, buffer.height / 2 - lines.count)
        for (offset, line) in lines.enumerated() {
            buffer.put(line, x: max(0, (buffer.width - DisplayWidth.of(line)) / 2), y: top + offset, style: .bold)
        }
        let y = top + lines.count + 1
        let width = min(24, max(2, buffer.width - 2))
        // What is typed is shown as dots: the word is not secret, but the screen stays calm.
        let dots = TextField(String(repeating: "•", count: typed.characters.count), maxLength: 20)
        dots.render(into: &buffer, x: max(0, (buffer.width - width) / 2), y: y, width: width, focused: true)
    }

    /// Instead of a broken screen: what size is needed, wrapped to whatever room there is.
    private static func tooSmall(_ state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let text = env.strings(
            "tooSmall",
            [
                "w": String(state.width), "h": String(state.height),
                "minW": String(minimumWidth), "minH": String(minimumHeight),
            ])
        let lines = DisplayWidth.wrap(text, width: state.width)
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.prefix(state.height).enumerated() {
            buffer.put(line, x: max(0, (state.width - DisplayWidth.of(line)) / 2), y: top + offset, style: .bold)
        }
    }
}

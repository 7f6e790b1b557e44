import CNcurses

/// Whether the terminal can show the full screen: it must be known to terminfo (`$TERM`)
/// and able to move the cursor anywhere (terminfo's `cup`), which `TERM=dumb` and
/// printing terminals cannot.
enum TerminalSupport {
    /// Why the screen cannot run in this terminal, or nil when it can.
    static func refusal(environment: [String: String]) -> String? {
        let name = environment["TERM"] ?? ""
        switch sw_terminal_support() {
        case 0:
            return nil
        case 2:
            return "this terminal (TERM=\(name)) cannot move the cursor, which the caseload screen needs; "
                + "use a terminal such as xterm-256color, or 'stepwise list' for scripts"
        default:
            return name.isEmpty
                ? "TERM is not set, so the terminal is not known; set it (e.g. TERM=xterm-256color) or use 'stepwise list' for scripts"
                : "the terminal type TERM=\(name) is not known here (no terminfo entry); "
                    + "set TERM to one that is (e.g. xterm-256color) or use 'stepwise list' for scripts"
        }
    }
}

import Foundation

/// Shell completion for bash and zsh, written from `Command.all` (`stepwise help --bash`,
/// `help --zsh`): commands, subcommands, options, option values and arguments. Participant and
/// offer ids come from `stepwise list --ids` and `stepwise offers list --ids` (with the `--data`
/// given on the line), so that names never land in arguments or shell history.
enum ShellCompletion {
    /// The bash script: defines `_stepwise` and registers it with `complete`.
    static var bash: String {
        let valued = Set((Command.globalOptions + Command.all.flatMap(\.acceptedOptions)).filter { $0.value != nil }.map(\.name)).sorted()
        var out = """
            # bash completion for stepwise; written by 'stepwise help --bash' from its command table.
            # Completes commands, options and participant and offer ids (never names).

            _stepwise_ids() {
                local data=() i
                for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
                    case "${COMP_WORDS[i]}" in
                        --data) data=(--data "${COMP_WORDS[i+1]}") ;;
                        --data=*) data=("${COMP_WORDS[i]}") ;;
                    esac
                done
                case "$1" in
                    participantID) stepwise list --ids "${data[@]}" 2>/dev/null ;;
                    offerID) stepwise offers list --ids "${data[@]}" 2>/dev/null ;;
                esac
            }

            _stepwise_complete() {
                local kind="$1" cur="$2"
                case "$kind" in
                    participantID|offerID) COMPREPLY=($(compgen -W "$(_stepwise_ids "$kind")" -- "$cur")) ;;
                    file) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null ;;
                    folder) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null ;;
                    words:*) COMPREPLY=($(compgen -W "${kind#words:}" -- "$cur")) ;;
                    *) COMPREPLY=() ;;
                esac
            }

            _stepwise() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
                local command="" sub="" arguments=0 i word
                for ((i = 1; i < COMP_CWORD; i++)); do
                    word="${COMP_WORDS[i]}"
                    case "$word" in
                        \(valued.joined(separator: "|"))) ((i++)) ;;
                        -*) ;;
                        *) if [[ -z "$command" ]]; then command="$word"; else [[ -z "$sub" ]] && sub="$word"; ((arguments++)); fi ;;
                    esac
                done
                case "$prev" in

            """
        for name in valued {
            let owners = Command.all.flatMap { command in
                (command.options + command.subcommands.flatMap(\.options)).filter { $0.name == name }.map { (command.name, $0) }
            }
            let global = Command.globalOptions.first { $0.name == name }
            let kinds = Set((owners.map(\.1) + [global].compactMap { $0 }).map(kind))
            if kinds.count == 1, let only = kinds.first {
                out += "        \(name)) _stepwise_complete \(quoted(only)) \"$cur\"; return ;;\n"
            } else {
                out += "        \(name))\n            case \"$command\" in\n"
                for (command, option) in owners {
                    out += "                \(command)) _stepwise_complete \(quoted(kind(option))) \"$cur\" ;;\n"
                }
                out += "            esac\n            return ;;\n"
            }
        }
        let shown = Command.all.filter { !$0.hidden && $0.name != "tui" }.map(\.name)
        out += """
                esac
                if [[ -z "$command" ]]; then
                    if [[ "$cur" == -* ]]; then
                        COMPREPLY=($(compgen -W "\(names(Command.globalOptions))" -- "$cur"))
                    else
                        COMPREPLY=($(compgen -W "\(shown.joined(separator: " "))" -- "$cur"))
                    fi
                    return
                fi
                case "$command" in

            """
        for command in Command.all where command.name != "tui" {
            out += "        \(command.name))\n"
            out +=
                "            if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"\(names(command.acceptedOptions))\" -- \"$cur\")); return; fi\n"
            out += "            case \"$arguments\" in\n"
            if command.subcommands.isEmpty {
                out += arms(command.arguments, from: 0, indent: 16)
            } else {
                out +=
                    "                0) _stepwise_complete \(quoted("words:" + command.subcommands.map(\.name).joined(separator: " "))) \"$cur\" ;;\n"
                out += "                *)\n                    case \"$sub\" in\n"
                for sub in command.subcommands where !sub.arguments.isEmpty {
                    out += "                        \(sub.name))\n                            case \"$arguments\" in\n"
                    out += arms(sub.arguments, from: 1, indent: 32)
                    out += "                            esac ;;\n"
                }
                out += "                    esac ;;\n"
            }
            out += "            esac ;;\n"
        }
        out += """
                esac
            }

            complete -F _stepwise stepwise

            """
        return out
    }

    /// The zsh script: the bash one through zsh's `bashcompinit`.
    static var zsh: String {
        "#compdef stepwise\n# zsh completion for stepwise: the bash completion through bashcompinit.\n"
            + "autoload -U +X bashcompinit && bashcompinit\n" + bash + "_stepwise \"$@\"\n"
    }

    /// `case` arms for positional arguments, numbered from `first`, indented by `indent`.
    private static func arms(_ arguments: [Command.Argument], from first: Int, indent: Int) -> String {
        arguments.enumerated().map { index, argument in
            String(repeating: " ", count: indent) + "\(first + index)) _stepwise_complete \(quoted(kind(argument))) \"$cur\" ;;\n"
        }.joined()
    }

    private static func names(_ options: [Command.Option]) -> String {
        Set(options.map(\.name)).sorted().joined(separator: " ")
    }

    /// How `_stepwise_complete` names what completes an option's value.
    private static func kind(_ option: Command.Option) -> String {
        option.completes == .words ? "words:" + (option.value ?? "").split(separator: "|").joined(separator: " ") : kind(option.completes)
    }

    private static func kind(_ argument: Command.Argument) -> String {
        argument.completes == .words
            ? "words:" + Command.all.filter { !$0.hidden }.map(\.name).joined(separator: " ") : kind(argument.completes)
    }

    private static func kind(_ completion: Command.Completion) -> String {
        completion == .language ? "words:en da sv de" : completion.rawValue
    }

    private static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

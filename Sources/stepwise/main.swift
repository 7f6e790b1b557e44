import CNcurses
import Foundation
import StepwiseCore

/// Exit statuses: 0 success, 1 the command failed or found problems, 2 bad usage.
let environment = ProcessInfo.processInfo.environment

/// The command line's words before the settings are checked (a usage error, `--help`): in
/// `option`'s language if it has strings, else that of the settings files and environment,
/// else English.
func earlyStrings(option: String?) -> Localizer {
    let resources = ResourceLocator.directory()
    let available = resources.map(Localizer.available(resources:)) ?? []
    let configured = try? Settings.load(environment: environment, options: [:], languages: available)
    let language = Localizer.chooseLanguage(
        option: option.flatMap { available.contains($0) ? $0 : nil } ?? configured?.language, environment: environment,
        available: available)
    return resources.flatMap { try? Localizer.load(language: language, resources: $0) }
        ?? Localizer(language: "en", table: [:], fallback: [:])
}

func fail(_ message: String, status: Int32) -> Never {
    CLIOutput.error(message)
    exit(status)
}

// A crash must not offer the interactive backtracer on the shared screen.
Backtracer.turnOffInteraction()

// A core dump would hold the records that were open: none are written.
var noCoreDumps = rlimit(rlim_cur: 0, rlim_max: 0)
setrlimit(Int32(RLIMIT_CORE.rawValue), &noCoreDumps)

// Names are written and measured as UTF-8 whatever locale the shell has (LANG=C after
// `sudo -i`, in cron, over ssh): as tmux does, a UTF-8 locale is used when one exists.
guard sw_use_utf8_ctype() == 1 else {
    fail(
        "no UTF-8 locale is installed (LANG=\(environment["LANG"] ?? "")); names would be shown wrongly. Install one, e.g. C.UTF-8.",
        status: 2)
}

let options: CommandLineOptions
do {
    options = try CommandLineOptions(Array(CommandLine.arguments.dropFirst()))
} catch let error as CommandLineOptions.UsageError {
    let strings = earlyStrings(option: nil)
    CLIOutput.usage(error.message(strings), command: error.help, strings: strings)
    exit(2)
} catch {
    fail("\(error)", status: 2)
}

if options.version {
    print(Command.version)
    exit(0)
}
if options.help {
    let words = earlyStrings(option: options.language)
    print(options.named?.help(words) ?? Command.overview(words))
    exit(0)
}

if options.command.name == "tui", let refusal = TerminalSupport.refusal(environment: environment) {
    fail(refusal, status: 2)
}

guard let resources = ResourceLocator.directory() else {
    fail(
        "cannot find the resources (strings, schemas, demo data) in <bin>/../share/stepwise or a source checkout; set STEPWISE_RESOURCES",
        status: 1)
}
let settings: Settings
do {
    // --lang is the screens' language for the screen (and config); for summary and calendar it
    // is the language of what they write, checked by them.
    let screen = ["tui", "config"].contains(options.command.name)
    settings = try Settings.load(
        environment: environment, options: options.values.filter { $0.key == "--data" || screen },
        languages: Localizer.available(resources: resources))
} catch let problem as SettingsProblem {
    fail(problem.description, status: problem.origin.hasPrefix("--") ? 2 : 1)
} catch {
    fail("\(error)", status: 1)
}
// Days, times and the calendar are in the organisation's time zone when one is set.
if let zone = settings.timeZone { setenv("TZ", zone.identifier, 1) }
// The caseload sorts names in the alphabet of the screens' language.
let language = Localizer.chooseLanguage(
    option: settings.language, environment: environment, available: Localizer.available(resources: resources))
let store = DataStore(root: DataStore.defaultRoot(option: settings.dataFolder, environment: environment), language: language)
// Messages are in the screens' language; --lang sets it, except where it names the language of
// the document a command writes (summary, calendar, report).
let available = Localizer.available(resources: resources)
let documentLanguage = ["summary", "calendar", "report"].contains(options.command.name)
let messageLanguage = options.language.flatMap { documentLanguage || !available.contains($0) ? nil : $0 } ?? language
let strings =
    (try? Localizer.load(language: messageLanguage, resources: resources)) ?? Localizer(language: "en", table: [:], fallback: [:])
let commands = Commands(
    store: store, resources: resources, options: options, environment: environment, settings: settings, strings: strings)
exit(commands.run())

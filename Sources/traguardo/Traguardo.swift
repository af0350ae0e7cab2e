import ArgumentParser

@main
struct TraguardoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traguardo",
        abstract: "Traguardo: il ciclo della performance degli enti locali (PIAO, SMVP, Relazione).",
        discussion: "Il database si sceglie con DATABASE_URL (predefinito: sqlite://./traguardo.sqlite).",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, UserCommand.self, Import.self, Export.self, Stats.self, Score.self, MethodologyCommand.self,
            Template.self, Report.self, Backup.self, Restore.self, Check.self,
        ],
        defaultSubcommand: Serve.self
    )
}

extension REPL {
    /// How the REPL starts.
    public struct Options: Sendable {
        /// The output format results are rendered with: `table`, or a registered export format.
        public var format: String
        /// Whether the prompt, results and errors use colour (decided by ``ColorPolicy``).
        public var useColor: Bool
        /// The environment: `ALQ_HISTORY`, `XDG_STATE_HOME`, `HOME`, `ALQ_HISTORY_SIZE`, `ALQ_EDIT_MODE`.
        public var environment: [String: String]
        /// Whether to print the banner (only when standard input is a terminal).
        public var showBanner: Bool
        /// The version shown in the banner.
        public var version: String
        /// How results are laid out (`:mode table|line|auto`).
        public var displayMode: DisplayMode = .auto
        /// When results go through the pager (`:pager on|off|auto`).
        public var pagerMode: PagerMode = .auto
        /// The start-up file run before the first prompt (`nil` with `--no-init`); a missing file is skipped.
        public var startupFile: String?

        /// Options for a REPL; `environment` is usually `ProcessInfo.processInfo.environment`.
        public init(
            format: String = "table", useColor: Bool, environment: [String: String], showBanner: Bool = true,
            version: String = "", startupFile: String? = nil
        ) {
            self.startupFile = startupFile
            self.format = format
            self.useColor = useColor
            self.environment = environment
            self.showBanner = showBanner
            self.version = version
        }
    }
}

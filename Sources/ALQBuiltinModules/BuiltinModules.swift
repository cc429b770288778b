import ALQPluginAPI

/// The modules compiled into alq, registered at start-up through the same interface an external
/// plugin or a region pack uses. This is the one list of them.
public enum BuiltinModules {
    /// Registers every built-in region and format.
    public static func register(into registry: Registry) {
        let regions: [any RegionModule] = []
        let formats: [any ExportFormat] = []
        for region in regions { try? registry.register(region: region, origin: .builtIn) }
        for format in formats { try? registry.register(format: format, origin: .builtIn) }
    }

    /// A registry holding every built-in module.
    public static func registry() -> Registry {
        let registry = Registry()
        register(into: registry)
        return registry
    }
}

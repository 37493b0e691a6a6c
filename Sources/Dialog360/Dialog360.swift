public import ErrorCatalog

public enum Dialog360 { public typealias Error = ClassifiedError<Code> }

public import ErrorCatalog

public enum GENIQ { public typealias Error = ClassifiedError<Code> }

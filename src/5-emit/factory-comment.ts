/** The comment both printers write above the worker factory, `__omp_regions`. */
export const FACTORY_COMMENT = `
// tsomp: the worker side of the parallel loops above. Every thread of a team calls
// __omp_regions once (worker threads evaluate its source text, with the imports that
// __omp.register lists) and runs each loop's iterations through the region it returns.
`;

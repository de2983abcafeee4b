/**
 * The shared kernel every module may use: configuration properties, translated messages and request
 * errors, field encryption and keyed hashes ({@code crypto}), row mapping and storable text ({@code db}),
 * cluster notifications ({@code events}) and form validation ({@code validation}). It depends on no
 * other module, so it is open: its sub-packages are part of its API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.linea.shared;

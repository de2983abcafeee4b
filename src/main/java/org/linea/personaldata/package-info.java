/**
 * What every module declares about the personal data it holds: data types, holders that erase a person,
 * retention targets and monthly partitions. Implemented by the modules, run by privacy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Personal data contract")
package org.linea.personaldata;

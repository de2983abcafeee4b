package org.linea.personaldata;

/** Whether messages to a person are still on their way, told by the module that sends them. */
public interface PendingDeliveries {

	boolean hasUnsent(long contactId);

}

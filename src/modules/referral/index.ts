import { Module } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../types/modules"
import ReferralModuleService from "./service"
import checkClientAddressLoader from "./loaders/check-client-address"

export { REFERRAL_MODULE }

export default Module(REFERRAL_MODULE, { service: ReferralModuleService, loaders: [checkClientAddressLoader] })
